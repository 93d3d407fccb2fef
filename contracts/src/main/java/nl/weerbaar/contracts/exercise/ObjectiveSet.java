package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.scenario.Objective;

/**
 * A trainer set an objective during the exercise, next to the scenario's own: evaluated like them, from everything
 * that happened in the exercise, before the moment it was set too.
 */
public record ObjectiveSet(String exerciseId, Objective objective, String by, long atSeconds) {
}
