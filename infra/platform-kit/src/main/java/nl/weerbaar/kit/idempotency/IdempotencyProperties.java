package nl.weerbaar.kit.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code weerbaar.idempotency.*}: how long an {@code Idempotency-Key} holds.
 *
 * @param keep         how long a command's answer is kept for a retry under the same key; after that the key may be
 *                     used for a new command
 * @param claimTimeout how long a command may hold its key before its claim counts as left behind (its instance died
 *                     while it ran: without this, the key would answer 409 for ever)
 */
@ConfigurationProperties("weerbaar.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration keep, @DefaultValue("5m") Duration claimTimeout) {
}
