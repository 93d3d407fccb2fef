package nl.weerbaar.contracts.exercise;

import java.time.Instant;

/** The scenario clock advanced one fixed scenario interval. */
public record ClockTicked(String exerciseId, long scenarioTimeSeconds, double speed, Instant wallTime) {
}
