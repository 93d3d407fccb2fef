package nl.weerbaar.contracts.burgerhulp;

/**
 * A help request is offered to a volunteer, one of the best few of a matching round: why (score, distance, how they
 * travel, when they can be there), how they are reached ({@code channel}: by phone, or in person at the NSP when
 * telecom is down) and until when the offer stands.
 */
public record HelpOffered(String exerciseId, String requestId, String offerId, String volunteerId, int round,
                          int rank, double score, double distanceKm, String travel, int etaMinutes, String channel,
                          long expiresAtSeconds, long atSeconds) {

    public static final String BY_PHONE = "phone";
    public static final String AT_NSP = "at-nsp";
}
