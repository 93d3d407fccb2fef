package nl.weerbaar.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;

/**
 * Commands that create something (a check-in, a help request) done once per {@code Idempotency-Key} header (after the
 * IETF draft of that name): a client that retries after a timeout or a 503 sends the same key, and gets the first
 * answer again — nothing is published a second time. The ids of what the command creates derive from the key, so
 * even a retry after a failure between publishing and answering names the same event and entity. Without the header a
 * command runs as before, with fresh ids.
 *
 * <p>Collection {@code idempotency_keys}, by caller, command and key: a claim while the command runs, then its answer.
 * The same key with another body is refused (422); while the first is still running, 409. A refusal of the command
 * itself (a 4xx) is not kept: the client may correct the request and send it again under the same key. Answers are
 * kept for {@link IdempotencyProperties#keep()} and a claim left behind by an instance that died counts as gone after
 * {@link IdempotencyProperties#claimTimeout()}: expired entries are removed by the next command after them (at most
 * once a minute), one mechanism for real MongoDB and the embedded server, which has no TTL indexes.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final String COLLECTION = "idempotency_keys";
    private static final String KEY_FORM = "[\\x21-\\x7e]{1,255}";

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Clock clock;
    private final IdempotencyProperties settings;
    private volatile Instant nextPurge = Instant.MIN;

    /** A kept answer: {@code status} 0 while the command is still running. */
    record Kept(@Id String id, String fingerprint, int status, Map<String, Object> body, Instant at) {
    }

    /** Where a command takes the ids of what it creates from: derived from the key when there is one. */
    public interface Ids {

        /** An id for {@code what} (e.g. "event", "check-in"): the same for every retry under one key. */
        String of(String what);
    }

    public IdempotencyKeys(MongoTemplate mongo, ObjectMapper json, Clock clock, IdempotencyProperties settings) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    /** Removes answers older than {@code keep} and claims older than {@code claimTimeout}, at most once a minute. */
    private void purgeExpired() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        mongo.remove(Query.query(new Criteria().orOperator(
                Criteria.where("at").lt(now.minus(settings.keep())),
                Criteria.where("status").is(0).and("at").lt(now.minus(settings.claimTimeout())))), COLLECTION);
    }

    /**
     * Runs {@code command} once for {@code key} (the header's value, may be null) of {@code caller} on {@code scope}
     * (the command and its target, e.g. "check-in|exercise|nsp") with {@code body}; a retry gets the first answer.
     */
    public ResponseEntity<Map<String, Object>> once(String caller, String scope, String key, Object body,
                                                    Function<Ids, ResponseEntity<Map<String, Object>>> command) {
        if (key == null) {
            return command.apply(what -> UUID.randomUUID().toString());
        }
        if (!key.matches(KEY_FORM)) {
            throw ApiException.badRequest("idempotency-key.invalid", HEADER);
        }
        String id = EventIds.derived(caller, scope, key);
        String fingerprint = fingerprint(body);
        purgeExpired();
        try {
            mongo.insert(new Kept(id, fingerprint, 0, null, clock.instant()), COLLECTION);
        } catch (DuplicateKeyException e) {
            return earlier(id, fingerprint);
        }
        ResponseEntity<Map<String, Object>> answer;
        try {
            answer = command.apply(what -> EventIds.derived(id, what));
        } catch (RuntimeException e) {
            // refused or not done (the broker away): nothing kept, so the same key may be sent again
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("status", answer.getStatusCode().value()).set("body", answer.getBody()), COLLECTION);
        return answer;
    }

    private ResponseEntity<Map<String, Object>> earlier(String id, String fingerprint) {
        Kept kept = mongo.findById(id, Kept.class, COLLECTION);
        if (kept == null) {
            // the first attempt failed a moment ago and let go of its claim: the client may send it again
            throw ApiException.conflict("idempotency-key.in-progress", HEADER);
        }
        if (!kept.fingerprint().equals(fingerprint)) {
            throw ApiException.unprocessable("idempotency-key.reused", HEADER);
        }
        if (kept.status() == 0) {
            throw ApiException.conflict("idempotency-key.in-progress", HEADER);
        }
        return ResponseEntity.status(kept.status()).header(REPLAYED, "true")
                .body(new LinkedHashMap<>(kept.body()));
    }

    private String fingerprint(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a request body", e);
        }
    }
}
