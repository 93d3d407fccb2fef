package nl.weerbaar.contracts.burgerhulp;

import nl.weerbaar.contracts.scenario.Text;

/**
 * How volunteers can be reached in an exercise: by phone, or only in person at a noodsteunpunt while the mobile and
 * fixed networks are down ({@code mode}: {@code phone}, {@code nsp-only}). Keyed by exercise id.
 */
public record ReachabilityChanged(String exerciseId, String mode, String reason, Text message, long atSeconds) {

    public static final String PHONE = "phone";
    public static final String NSP_ONLY = "nsp-only";
}
