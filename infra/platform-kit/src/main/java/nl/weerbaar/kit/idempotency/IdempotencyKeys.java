package nl.weerbaar.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
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
 * itself (a 4xx) is not kept: the client may correct the request and send it again under the same key.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    static final String COLLECTION = "idempotency_keys";
    private static final String KEY_FORM = "[\\x21-\\x7e]{1,255}";

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Clock clock;

    /** A kept answer: {@code status} 0 while the command is still running. */
    record Kept(@Id String id, String fingerprint, int status, Map<String, Object> body, Instant at) {
    }

    /** Where a command takes the ids of what it creates from: derived from the key when there is one. */
    public interface Ids {

        /** An id for {@code what} (e.g. "event", "check-in"): the same for every retry under one key. */
        String of(String what);
    }

    public IdempotencyKeys(MongoTemplate mongo, ObjectMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
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
