package nl.weerbaar.burgerhulp.coordination;

/**
 * How burgerhulp coordinates ({@code weerbaar.burgerhulp.*}): how many volunteers a round asks, how long an offer
 * stands per urgency, how long a task takes once the volunteer is there.
 */
public record CoordinationRules(int offersPerRound, int immediateOfferMinutes, int urgentOfferMinutes,
                                int normalOfferMinutes, int taskMinutes) {

    public static final CoordinationRules DEFAULT = new CoordinationRules(3, 3, 10, 30, 30);

    long offerSeconds(String urgency) {
        return 60L * switch (urgency) {
            case "immediate" -> immediateOfferMinutes;
            case "urgent" -> urgentOfferMinutes;
            default -> normalOfferMinutes;
        };
    }
}
