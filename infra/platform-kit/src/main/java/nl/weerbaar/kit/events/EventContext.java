package nl.weerbaar.kit.events;

import java.util.Objects;
import nl.weerbaar.contracts.ExerciseStatus;

/**
 * Where an event happens: the exercise, its status, the scenario time and, when one event causes another, the id
 * of the cause. Carried as envelope headers; see {@code contracts/schemas/headers.schema.json}.
 *
 * <p>{@code epochMillis} is the wall-clock instant the exercise's scenario time counts from (chosen once, when the
 * exercise is created). The record's Kafka timestamp is that instant plus the scenario time — event time is scenario
 * time — so stream processors merge their inputs in scenario order, and a consumer recovers the epoch from any record
 * ({@link InboundEvent#epochMillis()}). 0 means not known: the producer's wall clock stamps the record.
 */
public record EventContext(String exerciseId, ExerciseStatus status, long scenarioTimeSeconds, String causationId,
                           String replayOf, long epochMillis, String traceParent) {

    public EventContext {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(status, "status");
    }

    /** A context outside any trace the event would carry on (the producer's own observation starts or continues one). */
    public EventContext(String exerciseId, ExerciseStatus status, long scenarioTimeSeconds, String causationId,
                        String replayOf, long epochMillis) {
        this(exerciseId, status, scenarioTimeSeconds, causationId, replayOf, epochMillis, null);
    }

    public static EventContext of(String exerciseId, ExerciseStatus status, long scenarioTimeSeconds) {
        return new EventContext(exerciseId, status, scenarioTimeSeconds, null, null, 0);
    }

    /**
     * The context of an event caused by {@code cause}: same exercise, status, epoch, replay and trace, the cause's
     * id.
     */
    public static EventContext causedBy(InboundEvent cause, long scenarioTimeSeconds) {
        return new EventContext(cause.exerciseId(), cause.status(), scenarioTimeSeconds, cause.id(), cause.replayOf(),
                cause.epochMillis(), cause.traceParent());
    }

    public EventContext atScenarioTime(long seconds) {
        return new EventContext(exerciseId, status, seconds, causationId, replayOf, epochMillis, traceParent);
    }

    public EventContext asReplayOf(String originalExerciseId) {
        return new EventContext(exerciseId, status, scenarioTimeSeconds, causationId, originalExerciseId, epochMillis,
                traceParent);
    }

    public EventContext withCause(String eventId) {
        return new EventContext(exerciseId, status, scenarioTimeSeconds, eventId, replayOf, epochMillis, traceParent);
    }

    public EventContext withEpoch(long exerciseEpochMillis) {
        return new EventContext(exerciseId, status, scenarioTimeSeconds, causationId, replayOf, exerciseEpochMillis,
                traceParent);
    }

    /** The record's event time: the exercise's epoch plus the scenario time; null (wall clock) without an epoch. */
    public Long eventTimeMillis() {
        return epochMillis > 0 ? epochMillis + scenarioTimeSeconds * 1000 : null;
    }
}
