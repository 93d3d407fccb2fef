package nl.weerbaar.contracts.noodsteunpunt;

/** A household leaves a noodsteunpunt ({@code reason} left or nsp-closed). */
public record CitizenCheckedOut(String exerciseId, String nspId, String checkInId, int householdSize, String reason,
                                String source, String by, long atSeconds) {

    public static final String LEFT = "left";
    public static final String NSP_CLOSED = "nsp-closed";
}
