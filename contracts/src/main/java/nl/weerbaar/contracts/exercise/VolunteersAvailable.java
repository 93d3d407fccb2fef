package nl.weerbaar.contracts.exercise;

import java.util.List;
import nl.weerbaar.contracts.scenario.Volunteer;

/** Volunteers of the scenario's pool that make themselves available in one scenario hour. */
public record VolunteersAvailable(String exerciseId, int hour, List<Volunteer> volunteers) {
}
