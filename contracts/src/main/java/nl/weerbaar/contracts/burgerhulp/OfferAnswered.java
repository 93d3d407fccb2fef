package nl.weerbaar.contracts.burgerhulp;

/** A volunteer accepts or declines an offer, or it expires unanswered. */
public record OfferAnswered(String exerciseId, String requestId, String offerId, String volunteerId, String answer,
                            String by, long atSeconds) {

    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";
    public static final String EXPIRED = "expired";
}
