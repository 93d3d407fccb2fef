package nl.weerbaar.vitalstatus.provider;

import java.util.List;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.StatusSource;
import org.springframework.data.annotation.Id;

/**
 * A provider of one exercise as the crisis team sees it: what it is, its current state since when, its backup as of
 * the last change, and who says so. {@code overridden} while the real provider's own status wins.
 */
public record ProviderView(@Id String id, String exerciseId, Provider provider, String origin, ProviderState state,
                           long sinceSeconds, Double backupRemainingHours, long backupAtSeconds,
                           List<String> affectedPlaces, List<String> affectedServices, Long expectedRestoreSeconds,
                           Text message, StatusSource source, String by, Text cause, List<CauseStep> causeChain,
                           boolean overridden, String lastEventId) {

    static String key(String exerciseId, String providerId) {
        return exerciseId + "/" + providerId;
    }

    /** Backup left at scenario time {@code now}: it runs down while the provider is on it. */
    public Double backupRemainingAt(long now) {
        if (backupRemainingHours == null) {
            return null;
        }
        boolean running = state == ProviderState.ON_BACKUP || state == ProviderState.DEGRADED;
        if (!running || source == StatusSource.PROVIDER) {
            return backupRemainingHours;
        }
        double left = backupRemainingHours - Math.max(0, now - backupAtSeconds) / 3600.0;
        return Math.max(0, Math.round(left * 100) / 100.0);
    }
}
