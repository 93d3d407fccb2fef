package nl.weerbaar.contracts.vital;

/** A provider's own status no longer overrides the simulation: the simulated state applies again. */
public record StatusOverrideReleased(String exerciseId, String providerId, String by) {
}
