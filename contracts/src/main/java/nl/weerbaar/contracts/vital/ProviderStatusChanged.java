package nl.weerbaar.contracts.vital;

import java.util.List;
import nl.weerbaar.contracts.scenario.Text;

/**
 * A provider's operational state changed, posted by the provider itself or computed by the simulation; simulated
 * changes carry the cause chain that led to them.
 */
public record ProviderStatusChanged(String exerciseId, String providerId, String sector, ProviderState state,
                                    ProviderState previousState, Double backupRemainingHours,
                                    List<String> affectedPlaces, Double affectedShare, List<String> affectedServices,
                                    Long expectedRestoreSeconds, Text message, StatusSource source, String by,
                                    Text cause, List<CauseStep> causeChain, String injectId, long atSeconds) {
}
