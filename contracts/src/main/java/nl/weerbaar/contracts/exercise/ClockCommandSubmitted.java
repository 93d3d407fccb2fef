package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.scenario.Inject;

/**
 * A trainer's clock or inject-plan command, forwarded by an instance of outage-timeline that does not drive the
 * exercise's clock to the one that does. Only the fields of its {@code command} are set.
 */
public record ClockCommandSubmitted(String exerciseId, String command, Double speed, Long toSeconds,
                                    Boolean skipInjects, String injectId, Inject inject, Boolean hold, String by,
                                    RoleMessage message) {

    public ClockCommandSubmitted(String exerciseId, String command, Double speed, Long toSeconds, Boolean skipInjects,
                                 String injectId, Inject inject, Boolean hold, String by) {
        this(exerciseId, command, speed, toSeconds, skipInjects, injectId, inject, hold, by, null);
    }

    public ClockCommandSubmitted withMessage(RoleMessage roleMessage) {
        return new ClockCommandSubmitted(exerciseId, command, speed, toSeconds, skipInjects, injectId, inject, hold, by,
                roleMessage);
    }

    /** For send-message: what a role player says to the crisis team, sent at the clock's time. */
    public record RoleMessage(String id, String from, String providerId, nl.weerbaar.contracts.scenario.Text text) {
    }
}
