package nl.weerbaar.contracts.burgerhulp;

/**
 * A help request burgerhulp will match: taken over from a noodsteunpunt's {@code help-requested}
 * ({@code source=nsp}) or opened by a coordinator ({@code source=coordinator}). Keyed by request id.
 */
public record HelpRequestOpened(String exerciseId, String requestId, String need, String urgency, long deadlineSeconds,
                                String placeId, String nspId, double lat, double lon, boolean lessSelfReliant,
                                int householdSize, String note, String source, String by, long atSeconds) {

    public static final String FROM_NSP = "nsp";
    public static final String BY_COORDINATOR = "coordinator";
}
