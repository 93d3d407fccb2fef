package nl.weerbaar.burgerhulp.matching;

/** A help request to match, at scenario time {@code now}: what is needed, where, and by when. */
public record HelpNeed(String need, double lat, double lon, String nspId, boolean lessSelfReliant, long nowSeconds,
                       long deadlineSeconds) {

    long minutesLeft() {
        return Math.max(0, (deadlineSeconds - nowSeconds) / 60);
    }
}
