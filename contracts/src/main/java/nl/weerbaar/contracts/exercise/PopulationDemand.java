package nl.weerbaar.contracts.exercise;

import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.scenario.Household;

/** The population model's demand for one scenario hour, per place. */
public record PopulationDemand(String exerciseId, int hour, long fromSeconds, long toSeconds, List<PlaceDemand> places) {

    public record PlaceDemand(String placeId, Map<String, Integer> householdsInNeed, int lessSelfReliant,
                              List<Household> arrivals) {
    }
}
