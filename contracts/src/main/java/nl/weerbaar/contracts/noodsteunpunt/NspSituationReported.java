package nl.weerbaar.contracts.noodsteunpunt;

import java.util.Map;

/**
 * An NSP's situation each scenario hour while it is in use (after EDXL-SitRep): occupancy against capacity, the
 * arrivals of the past hour, the needs of the people present, its stock.
 */
public record NspSituationReported(String exerciseId, String nspId, NspState state, int occupancy, int capacity,
                                   int arrivalsLastHour, Map<String, Integer> needsPresent, Stock stock,
                                   long atSeconds) {
}
