package nl.weerbaar.contracts.vital;

import nl.weerbaar.contracts.scenario.Text;

/**
 * An alert that no longer holds: the backup was refuelled above the threshold or the supply came back
 * ({@code backup-low}), or the provider works again ({@code vulnerable-site-down}, {@code emergency-number-down}).
 * {@code alertId} is that of the {@link VitalAlertRaised} it ends.
 */
public record VitalAlertResolved(String exerciseId, String alertId, String kind, String providerId, String reason,
                                 Text message, long atSeconds) {

    public static final String REFUELLED = "refuelled";
    public static final String POWER_RESTORED = "power-restored";
    public static final String WORKING_AGAIN = "working-again";
}
