package nl.weerbaar.contracts.burgerhulp;

/** A volunteer reports in at a noodsteunpunt ({@code present=true}) or leaves it. */
public record VolunteerPresenceChanged(String exerciseId, String volunteerId, String nspId, boolean present, String by,
                                       long atSeconds) {
}
