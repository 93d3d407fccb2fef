package nl.weerbaar.contracts.scenario;

import java.util.List;
import java.util.stream.Stream;

/**
 * A vital provider: what it serves, which providers it cannot do without ({@code dependsOn}: all of them), which
 * providers back each other up for it ({@code dependsOnAny}: one of them is enough, e.g. 112 over mobile or fixed
 * lines), and its backup.
 */
public record Provider(String id, String name, String sector, List<String> places, List<String> services,
                       List<String> dependsOn, List<String> dependsOnAny, Backup backup, Boolean vulnerableSite,
                       String contactRole, String role) {

    public static final String GRID = "grid";
    public static final String EMERGENCY_NUMBER = "emergency-number";
    public static final String MOBILE_NETWORK = "mobile-network";
    public static final String FIXED_NETWORK = "fixed-network";
    public static final String FUEL_SUPPLY = "fuel-supply";
    public static final String DRINKING_WATER = "drinking-water";

    public boolean has(String aRole) {
        return aRole.equals(role);
    }

    public List<String> allOf() {
        return dependsOn == null ? List.of() : dependsOn;
    }

    public List<String> anyOf() {
        return dependsOnAny == null ? List.of() : dependsOnAny;
    }

    /** Every provider this one depends on, in either way. */
    public List<String> dependencies() {
        return Stream.concat(allOf().stream(), anyOf().stream()).distinct().toList();
    }

    public List<String> servedPlaces() {
        return places == null ? List.of() : places;
    }

    public boolean vulnerable() {
        return Boolean.TRUE.equals(vulnerableSite);
    }
}
