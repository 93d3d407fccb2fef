package nl.weerbaar.noodsteunpunt.simulation;

import nl.weerbaar.contracts.scenario.Household;

/** A household of the population model on its way to a noodsteunpunt, due at a scenario time. */
public record Arrival(long at, String placeId, Household household) {
}
