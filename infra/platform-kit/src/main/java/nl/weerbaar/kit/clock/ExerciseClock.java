package nl.weerbaar.kit.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.kit.events.EventContext;
import org.springframework.data.annotation.Id;

/**
 * A service's view of one exercise's scenario clock, as last told by the exercise topic, and the ids of its world's
 * places and sectors (null until the scenario is loaded).
 */
public record ExerciseClock(@Id String exerciseId, String scenarioId, String scenarioName, String status,
                            String replayOf, String state, long scenarioTimeSeconds, double speed,
                            Instant updatedAt, long epochMillis, List<String> places, List<String> sectors) {

    /**
     * Scenario time at {@code now}: the last known time plus the wall time since, at the clock's speed, while it
     * runs — so a status posted between two ticks gets the scenario time it was really posted at.
     */
    public long scenarioTimeAt(Instant now) {
        if (!"RUNNING".equals(state) || updatedAt == null || now.isBefore(updatedAt)) {
            return scenarioTimeSeconds;
        }
        return scenarioTimeSeconds + (long) (Duration.between(updatedAt, now).toMillis() / 1000.0 * speed);
    }

    /** The context of an event that people put into this exercise at scenario time {@code at}. */
    public EventContext contextAt(long at) {
        return EventContext.of(exerciseId, ExerciseStatus.fromWire(status), at).withEpoch(epochMillis);
    }

    public boolean isReplay() {
        return replayOf != null;
    }

    public boolean isOver() {
        return "FINISHED".equals(state) || "STOPPED".equals(state);
    }
}
