package nl.weerbaar.situatiebeeld.input;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.idempotency.IdempotencyKeys;
import nl.weerbaar.kit.security.WeerbaarUser;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What people put into an exercise from the live picture — the crisis team's decisions and answers, the observers'
 * notes — goes one way: once per idempotency key, checked against the exercise (still running, where it must be) at
 * its clock's time, published on the crisis-team topic with an id derived from the key, and answered 202 with the
 * event's id and scenario time. A check that fails publishes nothing.
 */
@Component
public class ExerciseInput {

    /** What a command decided: the event to publish, at which scenario time, and what the answer says besides. */
    public record Outcome(EventType type, Object payload, long atSeconds, Map<String, Object> answer) {
    }

    /** Checks the input against the exercise at {@code now} and says what happens; throws to refuse. */
    @FunctionalInterface
    public interface Command {
        Outcome decide(ExerciseClock exercise, long now, IdempotencyKeys.Ids ids);
    }

    private final ExerciseClocks clocks;
    private final EventPublisher publisher;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    ExerciseInput(ExerciseClocks clocks, EventPublisher publisher, IdempotencyKeys idempotency, Clock clock) {
        this.clocks = clocks;
        this.publisher = publisher;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * Runs {@code command} for {@code user} on {@code exerciseId} once per key ({@code scope} names the command);
     * {@code live}: only while the exercise runs or is paused.
     */
    public ResponseEntity<Map<String, Object>> submit(WeerbaarUser user, String scope, String exerciseId,
                                                      String idempotencyKey, Object body, boolean live,
                                                      Command command) {
        return idempotency.once(user.name(), scope + "|" + exerciseId, idempotencyKey, body, ids -> {
            ExerciseClock exercise = live ? clocks.requireLive(exerciseId) : clocks.require(exerciseId);
            Outcome outcome = command.decide(exercise, exercise.scenarioTimeAt(clock.instant()), ids);
            String eventId = publisher.publishWithId(outcome.type(), ids.of("event"), exerciseId, outcome.payload(),
                    exercise.contextAt(outcome.atSeconds())).eventId();
            Map<String, Object> answer = new LinkedHashMap<>(outcome.answer());
            answer.put("eventId", eventId);
            answer.put("atSeconds", outcome.atSeconds());
            return ResponseEntity.accepted().body(answer);
        });
    }
}
