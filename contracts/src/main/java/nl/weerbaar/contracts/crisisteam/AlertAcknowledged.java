package nl.weerbaar.contracts.crisisteam;

/**
 * A member of the crisis team has seen an alert and taken it on: {@code alertId} is the alert's id on the live
 * picture, {@code kind} what it was about, {@code by} who, {@code atSeconds} the scenario time.
 */
public record AlertAcknowledged(String exerciseId, String alertId, String kind, String by, long atSeconds) {
}
