package nl.weerbaar.burgerhulp.matching;

/**
 * A help request to match, at scenario time {@code now}: what is needed, where, and by when; and how far a volunteer
 * is asked to come ({@code maxTravelMinutes}: burgerhulp is help from the neighbourhood, not from across the country).
 */
public record HelpNeed(String need, double lat, double lon, String nspId, boolean lessSelfReliant, long nowSeconds,
                       long deadlineSeconds, int maxTravelMinutes) {

    long minutesLeft() {
        return Math.max(0, (deadlineSeconds - nowSeconds) / 60);
    }

    /** Within how many minutes a volunteer must be there: before the deadline and within the travel limit. */
    long horizonMinutes() {
        return Math.max(1, Math.min(minutesLeft(), maxTravelMinutes));
    }
}
