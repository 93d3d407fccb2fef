package nl.weerbaar.contracts.scenario;

import java.util.List;

/** A volunteer of the scenario's pool, with the behaviour the simulation gives them. */
public record Volunteer(String id, String placeId, double lat, double lon, List<String> skills, int maxTasks,
                        double acceptanceChance, boolean hasCar, Integer responseMinutes) {
}
