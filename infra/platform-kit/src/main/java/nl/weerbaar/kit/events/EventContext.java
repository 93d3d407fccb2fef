package nl.weerbaar.kit.events;

import java.util.Objects;
import nl.weerbaar.contracts.ExerciseStatus;

/**
 * Where an event happens: the exercise, its status, the scenario time and, when one event causes another, the id
 * of the cause. Carried as envelope headers; see {@code contracts/schemas/headers.schema.json}.
 */
public record EventContext(String exerciseId, ExerciseStatus status, long scenarioTimeSeconds, String causationId,
                           String replayOf) {

    public EventContext {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(status, "status");
    }

    public static EventContext of(String exerciseId, ExerciseStatus status, long scenarioTimeSeconds) {
        return new EventContext(exerciseId, status, scenarioTimeSeconds, null, null);
    }

    /** The context of an event caused by {@code cause}: same exercise, status and replay, the cause's id. */
    public static EventContext causedBy(InboundEvent cause, long scenarioTimeSeconds) {
        return new EventContext(cause.exerciseId(), cause.status(), scenarioTimeSeconds, cause.id(), cause.replayOf());
    }

    public EventContext atScenarioTime(long seconds) {
        return new EventContext(exerciseId, status, seconds, causationId, replayOf);
    }

    public EventContext asReplayOf(String originalExerciseId) {
        return new EventContext(exerciseId, status, scenarioTimeSeconds, causationId, originalExerciseId);
    }

    public EventContext withCause(String eventId) {
        return new EventContext(exerciseId, status, scenarioTimeSeconds, eventId, replayOf);
    }
}
