package nl.weerbaar.contracts.exercise;

/** States of the exercise clock. */
public enum ExerciseState {
    CREATED, RUNNING, PAUSED, STOPPED, FINISHED;

    /** Stopped or finished: nothing happens in this exercise any more. */
    public boolean isOver() {
        return this == STOPPED || this == FINISHED;
    }
}
