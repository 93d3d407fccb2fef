package nl.weerbaar.contracts.exercise;

/** The exercise clock changed state; {@code reason} is start, pause, resume, speed, jump, stop or end. */
public record ExerciseStateChanged(
        String exerciseId,
        ExerciseState previousState,
        ExerciseState state,
        long scenarioTimeSeconds,
        double speed,
        String reason) {
}
