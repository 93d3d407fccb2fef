package nl.weerbaar.kit.clock;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A service's view of one exercise's scenario clock, as last told by the exercise topic. */
public record ExerciseClock(@Id String exerciseId, String scenarioId, String scenarioName, String status,
                            String replayOf, String state, long scenarioTimeSeconds, double speed,
                            Instant updatedAt) {
}
