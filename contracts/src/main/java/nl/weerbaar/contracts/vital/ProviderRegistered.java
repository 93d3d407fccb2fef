package nl.weerbaar.contracts.vital;

import nl.weerbaar.contracts.scenario.Provider;

/**
 * A vital provider takes part in an exercise: from the scenario when the exercise starts ({@code origin=scenario})
 * or registered by the crisis team ({@code origin=crisis-team}).
 */
public record ProviderRegistered(String exerciseId, Provider provider, String origin, String by) {

    public static final String FROM_SCENARIO = "scenario";
    public static final String BY_CRISIS_TEAM = "crisis-team";
}
