package nl.weerbaar.contracts.noodsteunpunt;

import nl.weerbaar.contracts.scenario.NspSite;

/**
 * A noodsteunpunt takes part in an exercise, in state planned: from the scenario when the exercise starts
 * ({@code origin=scenario}) or registered by the crisis team ({@code origin=crisis-team}).
 */
public record NspRegistered(String exerciseId, NspSite nsp, String origin, String by) {

    public static final String FROM_SCENARIO = "scenario";
    public static final String BY_CRISIS_TEAM = "crisis-team";
}
