package nl.weerbaar.contracts.scenario;

/** Backup power of a provider: kind (none, battery, generator, reserved-fuel) and hours of autonomy. */
public record Backup(String kind, double autonomyHours, Boolean refuelPossible) {
}
