package nl.weerbaar.contracts.noodsteunpunt;

import java.util.List;

/**
 * A household of the population model found no noodsteunpunt to take it in: none open yet near it
 * ({@code no-open-nsp}) or every open one full ({@code all-full}). The overflow the crisis team must see.
 */
public record HouseholdUnserved(String exerciseId, String placeId, String householdRef, int householdSize,
                                List<String> needs, String reason, long atSeconds) {

    public static final String NO_OPEN_NSP = "no-open-nsp";
    public static final String ALL_FULL = "all-full";
}
