package nl.weerbaar.outagetimeline.exercise;

import java.time.Duration;
import java.time.Instant;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseState;
import org.springframework.data.annotation.Id;

/**
 * The engine's state of one exercise (collection {@code exercise_runs}). While running, the scenario time is
 * {@code anchorSeconds} plus the wall time since {@code anchorWall} times {@code speed}; {@code positionSeconds} is
 * how far the timeline has been played. {@code version} is the offset of the last clock event applied, so an
 * older event can never overwrite a newer state. {@code epochMillis} is the instant scenario time counts from
 * (records are stamped with it plus their scenario time), taken from the created event.
 */
public record ExerciseRun(@Id String exerciseId, String scenarioId, String scenarioName, long seed, String status,
                          double speed, long startOffsetSeconds, long durationSeconds, ExerciseState state,
                          long positionSeconds, long anchorSeconds, Instant anchorWall, String replayOf,
                          String createdBy, Instant createdAt, long version,
                          long epochMillis, String branchOf, Long branchAtSeconds) {

    /** The run as a created event sets it up: not started, at its start offset. */
    static ExerciseRun created(ExerciseCreated created, Instant now, long offset, long epochMillis) {
        return new ExerciseRun(created.exerciseId(), created.scenarioId(), created.scenarioName(), created.seed(),
                created.status().wire(), created.speed(), created.startOffsetSeconds(), created.durationSeconds(),
                ExerciseState.CREATED, created.startOffsetSeconds(), created.startOffsetSeconds(), null,
                created.replayOf(), created.createdBy(), now, offset, epochMillis, created.branchOf(),
                created.branchAtSeconds());
    }

    /** A branch of another exercise from its {@code branchAtSeconds}: it inherits the decisions taken before. */
    public boolean isBranch() {
        return branchOf != null;
    }

    public boolean isReplay() {
        return replayOf != null;
    }

    /** The scenario time at wall time {@code now}: moving only while running, never past the end. */
    public long scenarioTimeAt(Instant now) {
        if (state != ExerciseState.RUNNING || anchorWall == null) {
            return positionSeconds;
        }
        double elapsed = Math.max(0, Duration.between(anchorWall, now).toNanos() / 1e9);
        long at = anchorSeconds + (long) Math.floor(elapsed * speed);
        return Math.min(durationSeconds, Math.max(positionSeconds, at));
    }
}
