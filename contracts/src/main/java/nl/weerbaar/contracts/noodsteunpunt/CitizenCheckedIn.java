package nl.weerbaar.contracts.noodsteunpunt;

import java.util.List;

/**
 * A household arrives at a noodsteunpunt: recorded by an NSP operator ({@code source=operator}) or brought by the
 * population model ({@code source=population}). No names or addresses: a four-digit postcode at most.
 * {@code redirectedFrom} is the nearer NSP that had no room (overflow).
 */
public record CitizenCheckedIn(String exerciseId, String nspId, String checkInId, int householdSize,
                               List<String> needs, boolean lessSelfReliant, String postcode, String note,
                               String source, String householdRef, String redirectedFrom, String by,
                               long atSeconds) {

    public static final String FROM_OPERATOR = "operator";
    public static final String FROM_POPULATION = "population";
}
