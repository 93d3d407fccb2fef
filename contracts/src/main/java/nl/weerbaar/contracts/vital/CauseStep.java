package nl.weerbaar.contracts.vital;

/**
 * One link of a cause chain, oldest first: which provider did what at which scenario time, and why
 * ({@code inject}, {@code dependency-down}, {@code on-backup}, {@code backup-exhausted}, {@code refuelled},
 * {@code power-restored}, {@code posted}).
 */
public record CauseStep(String providerId, ProviderState state, long atSeconds, String reason, String injectId) {
}
