package nl.weerbaar.contracts.scenario;

import java.util.List;

/**
 * The status change an inject implies: {@code effect} is one of normal, degraded, on-backup, down, restored, refuel;
 * for a provider or for a whole sector; {@code hours} for refuel, {@code stage} and {@code places} for staged restoration.
 */
public record StatusEffect(String effect, String providerId, String sector, Double hours, Integer stage,
                           List<String> places) {
}
