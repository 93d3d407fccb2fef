package nl.weerbaar.vitalstatus.simulation;

import java.util.List;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.contracts.vital.ProviderState;

/** What one step of the simulation decided, in scenario-time order: a status change, an alert raised or resolved. */
public sealed interface Outcome {

    long atSeconds();

    /** A simulated status change (or a refuel that changes the backup left), numbered per provider. */
    record StatusChange(String providerId, ProviderState state, ProviderState previousState, Double backupLeftHours,
                        List<String> affectedPlaces, Double affectedShare, List<CauseStep> chain, String injectId, long atSeconds,
                        int sequence) implements Outcome {
    }

    /** An alert that no longer holds ({@code alertId}: the one raised). */
    record AlertResolved(String kind, String providerId, String alertId, String reason, long atSeconds)
            implements Outcome {
    }

    /** An alert for the crisis team. */
    record Alert(String kind, String providerId, String severity, Double backupLeftHours, long atSeconds)
            implements Outcome {

        public String alertId() {
            return kind + "-" + providerId + "-" + atSeconds;
        }
    }
}
