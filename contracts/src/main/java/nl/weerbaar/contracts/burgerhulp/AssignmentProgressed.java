package nl.weerbaar.contracts.burgerhulp;

/** The volunteer who accepted is on the way, has helped, or could not ({@code en-route}, {@code completed}, {@code failed}). */
public record AssignmentProgressed(String exerciseId, String requestId, String volunteerId, String status, String by,
                                   long atSeconds) {
}
