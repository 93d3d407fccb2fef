package nl.weerbaar.contracts.burgerhulp;

import java.util.List;
import nl.weerbaar.contracts.scenario.Text;

/**
 * How volunteers can be reached in an exercise: by phone, or only in person at a noodsteunpunt while the mobile and
 * fixed networks are down ({@code mode}: {@code phone}, {@code nsp-only}), per place: {@code exceptPlaces} are the
 * places where the other holds (phones work everywhere but there, or nowhere but there), as telecom may fail in one
 * part of a region and not in another. Keyed by exercise id.
 */
public record ReachabilityChanged(String exerciseId, String mode, String reason, Text message, long atSeconds,
                                  List<String> exceptPlaces) {

    public static final String PHONE = "phone";
    public static final String NSP_ONLY = "nsp-only";

    public ReachabilityChanged {
        exceptPlaces = exceptPlaces == null ? List.of() : List.copyOf(exceptPlaces);
    }

    /** Whether the phones work in {@code placeId}. */
    public boolean phonesIn(String placeId) {
        return PHONE.equals(mode) != exceptPlaces.contains(placeId);
    }

    /** Whether the phones work in every place. */
    public boolean phonesEverywhere() {
        return PHONE.equals(mode) && exceptPlaces.isEmpty();
    }
}
