package nl.weerbaar.outagetimeline.exercise;

import java.time.Instant;
import java.util.Map;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.exercise.ExerciseState;

/** A past or present exercise as trainers list it: state, where its clock is, speed, duration and event counts. */
public record ExerciseView(String exerciseId, String scenarioId, String scenarioName, long seed, String status,
                           ExerciseState state, long scenarioTimeSeconds, String scenarioTime, String band,
                           double speed, long startOffsetSeconds, long durationSeconds, String replayOf,
                           String createdBy, Instant createdAt, long events, Map<String, Long> eventsByType,
                           String branchOf, Long branchAtSeconds) {
    static ExerciseView of(ExerciseRun run, Instant now, long events, Map<String, Long> byType) {
        long t = run.scenarioTimeAt(now);
        return new ExerciseView(run.exerciseId(), run.scenarioId(), run.scenarioName(), run.seed(), run.status(),
                run.state(), t, ScenarioTime.format(t), ScenarioTime.band(t), run.speed(), run.startOffsetSeconds(),
                run.durationSeconds(), run.replayOf(), run.createdBy(), run.createdAt(), events, byType,
                run.branchOf(), run.branchAtSeconds());
    }
}
