package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.ExerciseStatus;

/** A trainer created an exercise from a scenario, or a replay of a recorded one ({@code replayOf} set). */
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
        Boolean autoStart) {
}
