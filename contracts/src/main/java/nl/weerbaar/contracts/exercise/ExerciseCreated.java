package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.ExerciseStatus;

/**
 * A trainer created an exercise from a scenario, a replay of a recorded one ({@code replayOf} set), or a branch of
 * one from a past moment ({@code branchOf} and {@code branchAtSeconds} set: the same scenario and seed from that
 * moment on, the original's decisions before it taken again).
 */
public record ExerciseCreated(
        String exerciseId,
        String scenarioId,
        String scenarioName,
        long seed,
        double speed,
        long startOffsetSeconds,
        Long durationSeconds,
        ExerciseStatus status,
        String replayOf,
        String createdBy,
        Boolean autoStart,
        String branchOf,
        Long branchAtSeconds) {

    /** An exercise that is no branch. */
    public ExerciseCreated(String exerciseId, String scenarioId, String scenarioName, long seed, double speed,
                           long startOffsetSeconds, Long durationSeconds, ExerciseStatus status, String replayOf,
                           String createdBy, Boolean autoStart) {
        this(exerciseId, scenarioId, scenarioName, seed, speed, startOffsetSeconds, durationSeconds, status, replayOf,
                createdBy, autoStart, null, null);
    }
}
