package nl.weerbaar.burgerhulp.coordination;

/**
 * How burgerhulp coordinates ({@code weerbaar.burgerhulp.*}): how many volunteers a round asks, how long an offer
 * stands per urgency, how long a task takes once the volunteer is there, how many minutes away a volunteer may be
 * asked from (answer time and travel); which share of the pool's volunteers goes to
 * the nearest noodsteunpunt within {@code reportInKm} when the phones fail (the pool's behaviour model).
 */
public record CoordinationRules(int offersPerRound, int immediateOfferMinutes, int urgentOfferMinutes,
                                int normalOfferMinutes, int taskMinutes, double reportInShare, double reportInKm,
                                int maxTravelMinutes) {

    public static final CoordinationRules DEFAULT = new CoordinationRules(3, 3, 10, 30, 30, 0.4, 3, 60);

    long offerSeconds(String urgency) {
        return 60L * switch (urgency) {
            case "immediate" -> immediateOfferMinutes;
            case "urgent" -> urgentOfferMinutes;
            default -> normalOfferMinutes;
        };
    }
}
