package nl.weerbaar.contracts.scenario;

/** A row of the outage table. */
public record Sector(String id, Text name) {
}
