package nl.weerbaar.contracts.noodsteunpunt;

import nl.weerbaar.contracts.scenario.Text;

/** A noodsteunpunt's occupancy rises to a threshold of its capacity (e.g. 80 % and 100 %). */
public record OccupancyThresholdCrossed(String exerciseId, String nspId, int thresholdPercent, int occupancy,
                                        int capacity, Text message, long atSeconds) {
}
