package nl.weerbaar.contracts.vital;

import nl.weerbaar.contracts.scenario.Text;

/**
 * Something the crisis team must act on: backup autonomy running low ({@code backup-low}), a vulnerable site such
 * as a hospital or care home going down ({@code vulnerable-site-down}), or the emergency number unreachable
 * ({@code emergency-number-down}).
 */
public record VitalAlertRaised(String exerciseId, String alertId, String kind, String providerId, String severity,
                               Text message, Double backupRemainingHours, long atSeconds) {

    public static final String BACKUP_LOW = "backup-low";
    public static final String VULNERABLE_SITE_DOWN = "vulnerable-site-down";
    public static final String EMERGENCY_NUMBER_DOWN = "emergency-number-down";
}
