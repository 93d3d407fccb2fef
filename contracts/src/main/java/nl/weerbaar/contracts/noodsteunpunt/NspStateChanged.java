package nl.weerbaar.contracts.noodsteunpunt;

import nl.weerbaar.contracts.scenario.Text;

/**
 * A noodsteunpunt changes state, with why: {@code trigger} says who decided (the opening policy, the crisis team,
 * the occupancy), {@code reason} what happened (power-down, emergency-number-down, opening-done, capacity-reached,
 * room-again, power-restored, crisis-team).
 */
public record NspStateChanged(String exerciseId, String nspId, NspState state, NspState previousState, String reason,
                              String trigger, Text message, String by, long atSeconds) {

    public static final String BY_POLICY = "policy";
    public static final String BY_CRISIS_TEAM = "crisis-team";
    public static final String BY_CAPACITY = "capacity";
}
