package nl.weerbaar.contracts.noodsteunpunt;

/**
 * A need at a noodsteunpunt that needs a person (first aid, medication, transport, checking on someone), for the
 * burgerhulp service: with urgency, a deadline in scenario time and the NSP as the place.
 */
public record HelpRequested(String exerciseId, String requestId, String nspId, String placeId, String need,
                            String urgency, long deadlineSeconds, boolean lessSelfReliant, int householdSize,
                            double lat, double lon, String checkInId, String note, long atSeconds) {
}
