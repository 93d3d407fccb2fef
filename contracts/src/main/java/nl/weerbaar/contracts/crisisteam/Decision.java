package nl.weerbaar.contracts.crisisteam;

import java.util.List;
import nl.weerbaar.contracts.scenario.Text;

/**
 * A decision of the crisis team: who ({@code by}), when (scenario time), what ({@code kind} and its subject) and why
 * ({@code reason}). The crisis team submits it on its own topic ({@code decision-submitted}); outage-timeline, the
 * owner of the exercise's course, takes it at its clock's time onto the exercise topic ({@code decision-taken}),
 * where every simulation reads it in scenario-time order, as it reads an inject.
 *
 * @param nspId           open-nsp, close-nsp: the noodsteunpunt
 * @param providerId      fuel-priority, mobile-generator: the provider
 * @param places          public-warning: the places warned; extra-volunteers: where they are asked (none: all)
 * @param count           extra-volunteers: how many are asked for; grip: the level (1–4)
 * @param hours           mobile-generator: the hours of fuel it brings
 * @param deliveryMinutes mobile-generator: how long it takes to get there and run
 * @param advice          public-warning: {@code come-to-nsp} or {@code stay-home}
 * @param message         public-warning: the text sent (NL-Alert-like), in Dutch and English
 */
public record Decision(String exerciseId, String decisionId, DecisionKind kind, String nspId, String providerId,
                       List<String> places, Integer count, Double hours, Integer deliveryMinutes, String advice,
                       Text message, String reason, String by, long atSeconds) {

    public static final String COME_TO_NSP = "come-to-nsp";
    public static final String STAY_HOME = "stay-home";

    public Decision {
        places = places == null ? List.of() : List.copyOf(places);
    }

    /** The same decision, taken at {@code seconds} (the clock's time when outage-timeline read it). */
    /** The same decision in another exercise (a branch that inherits it). */
    public Decision in(String exercise) {
        return new Decision(exercise, decisionId, kind, nspId, providerId, places, count, hours, deliveryMinutes, advice,
                message, reason, by, atSeconds);
    }

    public Decision at(long seconds) {
        return new Decision(exerciseId, decisionId, kind, nspId, providerId, places, count, hours, deliveryMinutes,
                advice, message, reason, by, seconds);
    }
}
