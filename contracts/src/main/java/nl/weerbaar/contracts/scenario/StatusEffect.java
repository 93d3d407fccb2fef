package nl.weerbaar.contracts.scenario;

import java.util.List;

/**
 * The status change an inject implies: {@code effect} is one of normal, degraded, on-backup, down, restored, refuel,
 * backup-failed; for a provider or for a whole sector; {@code hours} for refuel, {@code stage} and {@code places} for
 * staged restoration; {@code places} and {@code share} for a partial outage (down or degraded in these places only,
 * for this part of the households).
 */
public record StatusEffect(String effect, String providerId, String sector, Double hours, Integer stage,
                           List<String> places, Double share) {
}
