package nl.weerbaar.kit.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code weerbaar.personal-data.*}: where the exercises' keys for personal data are kept.
 *
 * @param vaultDatabase the MongoDB database of the key vault, shared by every service (collection
 *                      {@code exercise_keys}); a purge deletes an exercise's key there, which makes its personal data
 *                      unreadable everywhere it was copied to: topics, dead-letter topics, replays, read models
 * @param keyCache      how long a service keeps a key it read in memory; after a purge another instance may still open
 *                      that exercise's data for at most this long
 */
@ConfigurationProperties("weerbaar.personal-data")
public record PersonalDataProperties(@DefaultValue("weerbaar-vault") String vaultDatabase,
                                     @DefaultValue("30s") Duration keyCache) {
}
