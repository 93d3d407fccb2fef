package nl.weerbaar.contracts.burgerhulp;

import nl.weerbaar.contracts.scenario.Volunteer;

/**
 * A citizen volunteer takes part in the exercise: from the scenario's volunteer pool ({@code origin=scenario}, the
 * simulation answers for them) or registered by a coordinator ({@code origin=coordinator}, a real person who answers
 * over the API).
 */
public record VolunteerRegistered(String exerciseId, Volunteer volunteer, String origin, String by, long atSeconds) {

    public static final String FROM_SCENARIO = "scenario";
    public static final String BY_COORDINATOR = "coordinator";
}
