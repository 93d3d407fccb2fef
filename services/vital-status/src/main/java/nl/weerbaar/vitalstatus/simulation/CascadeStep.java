package nl.weerbaar.vitalstatus.simulation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusOverrideReleased;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.events.InboundEvent;

/**
 * Which inputs move the cascade, and how: one event applied to one exercise's model. Pure, so the processor and the
 * unit tests decide the same way. After the exercise has ended its model stays at the end time: input that comes
 * after (a posted status still on its way) is still applied, at the end.
 */
final class CascadeStep {

    private CascadeStep() {
    }

    /** Types on vital-status's own topic that may be input; the rest is skipped on its header. */
    static final Set<EventType> CANDIDATES = EnumSet.of(EventType.PROVIDER_STATUS_CHANGED,
            EventType.STATUS_OVERRIDE_RELEASED, EventType.PROVIDER_REGISTERED);

    /** Whether a record of vital-status's own topic is input to the cascade (what people posted or decided). */
    static boolean isInput(InboundEvent event) {
        if (event.isReplay()) {
            return false;
        }
        return switch (event.type()) {
            case PROVIDER_STATUS_CHANGED -> event.payload(ProviderStatusChanged.class).source() == StatusSource.PROVIDER;
            case STATUS_OVERRIDE_RELEASED -> true;
            case PROVIDER_REGISTERED -> ProviderRegistered.BY_CRISIS_TEAM.equals(
                    event.payload(ProviderRegistered.class).origin());
            default -> false;
        };
    }

    /** The outcomes of the event, in scenario-time order; empty when it does not change the cascade. */
    static List<Outcome> apply(CascadeModel model, InboundEvent event, CascadeModel.Rules rules) {
        return switch (event.type()) {
            case INJECT_FIRED -> {
                InjectFired fired = event.payload(InjectFired.class);
                long at = at(model, event.scenarioTimeSeconds());
                yield fired.inject().statusEffect() == null ? model.advanceTo(at, rules)
                        : model.applyInject(fired.inject().id(), fired.inject().statusEffect(), at, rules);
            }
            case DECISION_TAKEN -> model.applyDecision(event.payload(Decision.class),
                    at(model, event.scenarioTimeSeconds()), rules);
            case CLOCK_TICKED -> model.advanceTo(at(model, event.payload(ClockTicked.class).scenarioTimeSeconds()),
                    rules);
            case EXERCISE_STATE_CHANGED -> {
                ExerciseStateChanged changed = event.payload(ExerciseStateChanged.class);
                if (!changed.state().isOver() || model.ended) {
                    yield List.of();
                }
                List<Outcome> out = model.advanceTo(changed.scenarioTimeSeconds(), rules);
                model.ended = true;
                yield out;
            }
            case PROVIDER_STATUS_CHANGED -> {
                ProviderStatusChanged posted = event.payload(ProviderStatusChanged.class);
                yield model.applyPosted(posted.providerId(), posted.state(), posted.affectedPlaces(),
                        at(model, posted.atSeconds()), rules);
            }
            case STATUS_OVERRIDE_RELEASED -> model.release(event.payload(StatusOverrideReleased.class).providerId(),
                    at(model, event.scenarioTimeSeconds()), rules);
            case PROVIDER_REGISTERED -> model.register(
                    List.of(event.payload(ProviderRegistered.class).provider()), at(model, event.scenarioTimeSeconds()),
                    rules);
            default -> List.of(); // phases, demand, volunteers, alerts: nothing changes the cascade
        };
    }

    /** Scenario time for a step: never past the end once the exercise has ended. */
    private static long at(CascadeModel model, long seconds) {
        return model.ended ? Math.min(seconds, model.now) : seconds;
    }
}
