package nl.weerbaar.contracts.noodsteunpunt;

import nl.weerbaar.contracts.scenario.Text;

/**
 * A noodsteunpunt changes state, with why: {@code trigger} says who decided (the opening policy, the crisis team,
 * the occupancy, a decision of the crisis team taken on the exercise topic), {@code reason} what happened (power-down,
 * emergency-number-down, opening-done, capacity-reached, room-again, power-restored, crisis-team, decision).
 */
public record NspStateChanged(String exerciseId, String nspId, NspState state, NspState previousState, String reason,
                              String trigger, Text message, String by, long atSeconds) {

    public static final String BY_POLICY = "policy";
    public static final String BY_CRISIS_TEAM = "crisis-team";
    public static final String BY_CAPACITY = "capacity";
    /** The NSP simulation answering a decision of the crisis team (decision-taken); {@code by} is who decided. */
    public static final String BY_DECISION = "decision";
}
