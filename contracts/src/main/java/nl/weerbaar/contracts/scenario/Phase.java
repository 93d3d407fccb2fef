package nl.weerbaar.contracts.scenario;

/** A phase marker on the scenario timeline. */
public record Phase(String id, long offsetSeconds, Text name) {
}
