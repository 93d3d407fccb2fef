package nl.weerbaar.burgerhulp.request;

import nl.weerbaar.contracts.burgerhulp.HelpOffered;

/** One offer of a help request to a volunteer, and its answer once there is one ({@code answer} null: standing). */
public record OfferView(String offerId, String volunteerId, int round, int rank, double score, double distanceKm,
                        String travel, int etaMinutes, String channel, long offeredAtSeconds, long expiresAtSeconds,
                        String answer, Long answeredAtSeconds, String answeredBy) {

    static OfferView of(HelpOffered offered) {
        return new OfferView(offered.offerId(), offered.volunteerId(), offered.round(), offered.rank(),
                offered.score(), offered.distanceKm(), offered.travel(), offered.etaMinutes(), offered.channel(),
                offered.atSeconds(), offered.expiresAtSeconds(), null, null, null);
    }

    public boolean standing() {
        return answer == null;
    }

    OfferView answered(String answer, long at, String by) {
        return new OfferView(offerId, volunteerId, round, rank, score, distanceKm, travel, etaMinutes, channel,
                offeredAtSeconds, expiresAtSeconds, answer, at, by);
    }
}
