package nl.weerbaar.kit.testapp;

import static nl.weerbaar.kit.test.TestAuth.MONITOR;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.kafka.ReadModelStoreBreaker;
import nl.weerbaar.kit.mongo.InProcessMongo;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The fault "MongoDB away for a while during an exercise", with its accounting: the read models' listeners wait
 * behind an open circuit breaker (visible in health and metrics) instead of sending records to the dead-letter
 * topic, and when the store is back every event has its effect once.
 */
@WeerbaarIntegrationTest
class StoreOutageTest {

    private static final int EVENTS = 12;

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired ReadModelStoreBreaker breaker;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void whileTheStoreIsAwayTheListenersWaitAndAfterwardsEveryEventHasItsEffectOnce() throws Exception {
        String run = "oef-outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> exercises = new ArrayList<>();
        try (TopicRecorder deadLetters = new TopicRecorder(brokers, Topics.deadLetter(Topics.EXERCISE))) {
            InProcessMongo.outage();
            try {
                for (int i = 0; i < EVENTS; i++) {
                    String id = run + "-" + i;
                    exercises.add(id);
                    mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"exerciseId\":\"" + id + "\",\"speed\":1,\"seed\":1}"))
                            .andExpect(status().isAccepted());
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> breaker.state() == CircuitBreaker.State.OPEN);
                mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
            } finally {
                InProcessMongo.restore();
            }
            // the operator sees it while it lasts, or saw it: the breaker's metric is there either way
            String metrics = mvc.perform(get("/actuator/prometheus").with(token(MONITOR)))
                    .andReturn().getResponse().getContentAsString();
            assertThat(metrics).contains("resilience4j_circuitbreaker_state{").contains(ReadModelStoreBreaker.NAME);

            // caught up: every event applied exactly once by the record listener and by the batch listener
            await().atMost(Duration.ofSeconds(90)).until(() -> applied(ProbeListener.COLLECTION, exercises) == EVENTS
                    && applied(ProbeListener.BATCH_COLLECTION, exercises) == EVENTS);
            await().atMost(Duration.ofSeconds(30)).until(() -> breaker.state() == CircuitBreaker.State.CLOSED);
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
            long twice = exercises.stream().filter(id -> count(ProbeListener.COLLECTION, id) != 1
                    || count(ProbeListener.BATCH_COLLECTION, id) != 1).count();
            long deadLettered = deadLetters.records().stream().filter(r -> r.key().startsWith(run)).count();
            System.out.printf("store outage accounting: produced %d, effected %d and %d (record and batch "
                            + "listeners), dead-lettered %d, lost %d, twice %d%n", EVENTS,
                    applied(ProbeListener.COLLECTION, exercises), applied(ProbeListener.BATCH_COLLECTION, exercises),
                    deadLettered, EVENTS - applied(ProbeListener.COLLECTION, exercises), twice);
            assertThat(deadLettered).isZero();
            assertThat(twice).isZero();
        }
    }

    /** How many of {@code exercises} have an effect in {@code collection}. */
    private long applied(String collection, List<String> exercises) {
        return exercises.stream().filter(id -> count(collection, id) > 0).count();
    }

    private int count(String collection, String exerciseId) {
        Document effect = mongo.findById(exerciseId, Document.class, collection);
        return effect == null ? 0 : effect.getInteger("applied", 0);
    }
}
