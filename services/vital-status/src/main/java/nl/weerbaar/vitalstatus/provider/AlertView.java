package nl.weerbaar.vitalstatus.provider;

import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;

/**
 * An alert as the crisis team reads it: what was raised, whether it still holds ({@code open}) or has ended
 * ({@code resolved}), and when and why it ended.
 */
record AlertView(String alertId, String kind, String providerId, String severity, Text message,
                 Double backupRemainingHours, long atSeconds, String status, Long resolvedAtSeconds,
                 String resolvedBecause, Text resolution) {

    static final String OPEN = "open";
    static final String RESOLVED = "resolved";

    static AlertView of(VitalAlertRaised a, VitalAlertResolved end) {
        return new AlertView(a.alertId(), a.kind(), a.providerId(), a.severity(), a.message(),
                a.backupRemainingHours(), a.atSeconds(), end == null ? OPEN : RESOLVED,
                end == null ? null : end.atSeconds(), end == null ? null : end.reason(),
                end == null ? null : end.message());
    }
}
