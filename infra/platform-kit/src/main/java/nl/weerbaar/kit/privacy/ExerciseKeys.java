package nl.weerbaar.kit.privacy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The key vault: one random AES-256 key per exercise (collection {@code exercise_keys}), made by the first service that
 * seals personal data of that exercise and deleted by its purge. A purged exercise keeps a marker without a key, so a
 * late value is never sealed with a new one. Kept apart from Kafka on purpose: Kafka cannot forget a record, a
 * document can be deleted.
 */
class ExerciseKeys {

    static final String COLLECTION = "exercise_keys";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate vault;
    private final Clock clock;
    private final PersonalDataProperties settings;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** An exercise's entry: its key (Base64), or none once purged. */
    record StoredKey(@Id String exerciseId, String key, Instant createdAt, Instant purgedAt) {
    }

    private record Cached(Optional<SecretKey> key, Instant until) {
    }

    ExerciseKeys(MongoTemplate vault, Clock clock, PersonalDataProperties settings) {
        this.vault = vault;
        this.clock = clock;
        this.settings = settings;
    }

    /** The exercise's key, made when it has none yet; empty once its personal data is purged. */
    Optional<SecretKey> forSealing(String exerciseId) {
        return cached(exerciseId).orElseGet(() -> {
            StoredKey stored = vault.findById(exerciseId, StoredKey.class, COLLECTION);
            if (stored == null) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                try {
                    stored = vault.insert(new StoredKey(exerciseId, Base64.getEncoder().encodeToString(key),
                            clock.instant(), null), COLLECTION);
                } catch (DuplicateKeyException madeByAnother) {
                    stored = vault.findById(exerciseId, StoredKey.class, COLLECTION);
                }
            }
            return remember(exerciseId, stored);
        });
    }

    /** The exercise's key if it has one: none before anything was sealed, none after the purge. */
    Optional<SecretKey> forOpening(String exerciseId) {
        return cached(exerciseId).orElseGet(() -> {
            StoredKey stored = vault.findById(exerciseId, StoredKey.class, COLLECTION);
            return stored == null ? Optional.empty() : remember(exerciseId, stored);
        });
    }

    /** Deletes the exercise's key for good, leaving the marker that it was purged. */
    void destroy(String exerciseId) {
        vault.upsert(Query.query(Criteria.where("_id").is(exerciseId)),
                new Update().unset("key").set("purgedAt", clock.instant()).setOnInsert("createdAt", clock.instant()),
                COLLECTION);
        cache.put(exerciseId, new Cached(Optional.empty(), Instant.MAX));
    }

    boolean isPurged(String exerciseId) {
        StoredKey stored = vault.findById(exerciseId, StoredKey.class, COLLECTION);
        return stored != null && stored.purgedAt() != null;
    }

    private Optional<Optional<SecretKey>> cached(String exerciseId) {
        Cached hit = cache.get(exerciseId);
        return hit != null && clock.instant().isBefore(hit.until()) ? Optional.of(hit.key()) : Optional.empty();
    }

    private Optional<SecretKey> remember(String exerciseId, StoredKey stored) {
        Optional<SecretKey> key = stored.key() == null ? Optional.empty()
                : Optional.of(new SecretKeySpec(Base64.getDecoder().decode(stored.key()), "AES"));
        cache.put(exerciseId, new Cached(key, stored.purgedAt() != null ? Instant.MAX
                : clock.instant().plus(settings.keyCache())));
        return key;
    }
}
