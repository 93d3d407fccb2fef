package nl.weerbaar.contracts.scenario;

/**
 * An objective of the exercise with a time-bound expectation, written as data (a small vocabulary, no code): after
 * something happens ({@code after}), the crisis team or the system is expected to do something ({@code expect})
 * within {@code withinMinutes}; or, with {@code expect.never}, something must not happen in that window. Evaluated
 * from the event streams as the exercise runs: pending, met, met late, missed — with the evidence.
 *
 * @param after what starts the clock: {@code start} (T+0), {@code provider-down} (the first time a provider with
 *              {@code role}, or {@code providerId}, goes down), {@code nsp-open} (the first noodsteunpunt open),
 *              {@code backup-low} (a provider's backup-low alert: {@code providerId}), {@code message} (a role
 *              player's message to the crisis team: {@code messageId})
 */
public record Objective(String id, Text text, After after, Expect expect, int withinMinutes) {

    /** What starts an objective's clock. */
    public record After(String event, String role, String providerId, String messageId) {
        public static final String START = "start";
        public static final String PROVIDER_DOWN = "provider-down";
        public static final String NSP_OPEN = "nsp-open";
        public static final String BACKUP_LOW = "backup-low";
        public static final String MESSAGE = "message";

        public After(String event, String role, String providerId) {
            this(event, role, providerId, null);
        }
    }

    /**
     * What is expected: a decision of a kind (its subject {@code providerId} or {@code nspId} if given), an NSP open
     * ({@code nsp-open}; in {@code placeId} if given) — or, with {@code never}, an event that must not happen:
     * {@code help-escalated} (for {@code reason}, if given), {@code provider-down} ({@code providerId}); or the
     * crisis team's {@code answer} to a role player's message (its id).
     */
    public record Expect(String decision, String providerId, String nspId, String nspOpen, String placeId,
                         String never, String reason, String answer) {
        public static final String HELP_ESCALATED = "help-escalated";

        public Expect(String decision, String providerId, String nspId, String nspOpen, String placeId,
                      String never, String reason) {
            this(decision, providerId, nspId, nspOpen, placeId, never, reason, null);
        }
    }
}
