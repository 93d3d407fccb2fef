package nl.weerbaar.contracts.burgerhulp;

/**
 * The coordination did not carry out a person's command ({@code commandId}, of type {@code command}) on a help
 * request because the request no longer allowed it when the command's turn came: the offer had expired or been
 * taken, the request was no longer the volunteer's. Nothing else changed.
 */
public record CommandRefused(String exerciseId, String requestId, String commandId, String command, String volunteerId,
                             String reason, String by, long atSeconds) {

    public static final String OFFER_NOT_OPEN = "offer-no-longer-open";
    public static final String NOT_ASSIGNED = "not-assigned-to-volunteer";
    public static final String PROGRESS_NOT_ALLOWED = "progress-not-allowed";
    public static final String NOT_A_COMMAND = "not-a-command";
}
