package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.scenario.Inject;

/**
 * A trainer's clock or inject-plan command, forwarded by an instance of outage-timeline that does not drive the
 * exercise's clock to the one that does. Only the fields of its {@code command} are set.
 */
public record ClockCommandSubmitted(String exerciseId, String command, Double speed, Long toSeconds,
                                    Boolean skipInjects, String injectId, Inject inject, Boolean hold, String by) {
}
