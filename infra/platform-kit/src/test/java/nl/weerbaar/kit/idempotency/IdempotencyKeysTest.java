package nl.weerbaar.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.kit.web.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;

/** An Idempotency-Key holds for a day; a claim left by an instance that died lets go after five minutes. */
class IdempotencyKeysTest {

    private static final IdempotencyProperties SETTINGS = new IdempotencyProperties(Duration.ofHours(24),
            Duration.ofMinutes(5));

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = new MongoTemplate(client, "idempotency-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private IdempotencyKeys keys() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new IdempotencyKeys(mongo, new ObjectMapper(), clock, SETTINGS);
    }

    private ResponseEntity<Map<String, Object>> send(IdempotencyKeys keys, Object body) {
        return keys.once("nsp-heesch", "check-in|oef-1|nsp-heesch", "key-1", body,
                ids -> ResponseEntity.status(202).body(Map.of("run", runs.incrementAndGet(), "id", ids.of("event"))));
    }

    @Test
    void aRetryWithinADayGetsTheFirstAnswerAndAfterADayTheKeyIsFreeAgain() {
        IdempotencyKeys keys = keys();
        Map<String, Object> first = send(keys, Map.of("householdSize", 2)).getBody();
        now = now.plus(Duration.ofHours(23));
        assertThat(send(keys, Map.of("householdSize", 2)).getBody()).isEqualTo(first);
        assertThatThrownBy(() -> send(keys, Map.of("householdSize", 3))).isInstanceOf(ApiException.class)
                .hasMessageContaining("idempotency-key.reused");
        assertThat(runs).hasValue(1);

        now = now.plus(Duration.ofHours(2)); // 25 hours after the first
        assertThat(send(keys, Map.of("householdSize", 3)).getBody()).containsEntry("run", 2);
        assertThat(mongo.getCollection(IdempotencyKeys.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aClaimLeftBehindByAnInstanceThatDiedLetsGoAfterTheClaimTimeout() throws Exception {
        IdempotencyKeys keys = keys();
        // the first attempt claimed the key and its instance died before it answered
        assertThatThrownBy(() -> keys.once("nsp-heesch", "check-in|oef-1|nsp-heesch", "key-1",
                Map.of("householdSize", 2), ids -> {
                    throw new IllegalStateException("killed");
                })).isInstanceOf(IllegalStateException.class);
        // a failure lets go of the claim at once; a death does not: the claim stays as it was written
        String fingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("{\"householdSize\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        mongo.insert(new IdempotencyKeys.Kept(nl.weerbaar.kit.events.EventIds.derived("nsp-heesch",
                "check-in|oef-1|nsp-heesch", "key-1"), fingerprint, 0, null, now), IdempotencyKeys.COLLECTION);
        now = now.plus(Duration.ofMinutes(2));
        assertThatThrownBy(() -> send(keys, Map.of("householdSize", 2))).isInstanceOf(ApiException.class)
                .hasMessageContaining("idempotency-key.in-progress");

        now = now.plus(Duration.ofMinutes(4)); // six minutes after the claim
        assertThat(send(keys, Map.of("householdSize", 2)).getBody()).containsEntry("run", 1);
    }
}
