package nl.weerbaar.burgerhulp.matching;

/** A volunteer offered a help request: score (higher is better), distance, how they travel and when they can be there. */
public record Match(String volunteerId, double score, double distanceKm, String travel, int etaMinutes,
                    String channel) {
}
