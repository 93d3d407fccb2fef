package nl.weerbaar.contracts.exercise;

/** States of the exercise clock. */
public enum ExerciseState {
    CREATED, RUNNING, PAUSED, STOPPED, FINISHED
}
