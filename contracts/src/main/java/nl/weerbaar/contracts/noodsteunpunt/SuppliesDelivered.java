package nl.weerbaar.contracts.noodsteunpunt;

/**
 * Supplies reach a noodsteunpunt: sent by the crisis team ({@code source=crisis-team}) or by the simulated logistics
 * some hours after a resupply request ({@code source=logistics}, {@code requestId} set).
 */
public record SuppliesDelivered(String exerciseId, String nspId, String requestId, double waterLitres,
                                double foodRations, double fuelHours, String source, String by, long atSeconds) {

    public static final String BY_CRISIS_TEAM = "crisis-team";
    public static final String BY_LOGISTICS = "logistics";
}
