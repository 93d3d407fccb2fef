package nl.weerbaar.kit.testapp;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.kafka.DeadLetters;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.web.servlet.MockMvc;

@WeerbaarIntegrationTest
class EventPipelineTest {

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired ProducerFactory<String, Object> producerFactory;
    @Autowired MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    TopicRecorder exerciseTopic;
    TopicRecorder deadLetters;

    @BeforeEach
    void record() {
        exerciseTopic = new TopicRecorder(brokers, Topics.EXERCISE);
        deadLetters = new TopicRecorder(brokers, Topics.deadLetter(Topics.EXERCISE));
    }

    @AfterEach
    void close() {
        exerciseTopic.close();
        deadLetters.close();
    }

    @Test
    void producersWaitForAllReplicasAndAreIdempotent() {
        Map<String, Object> config = producerFactory.getConfigurationProperties();
        assertThat(config.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
        assertThat(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo("true");
    }

    @Test
    void aPublishedEventCarriesTheEnvelopeValidatesAndIsAppliedByTheConsumer() throws Exception {
        String exerciseId = "oef-" + UUID.randomUUID();
        String body = mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"exerciseId\":\"" + exerciseId + "\",\"speed\":60,\"seed\":7}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String eventId = EventJson.mapper().readTree(body).path("eventId").asText();

        RawRecord record = await().atMost(Duration.ofSeconds(30)).until(
                () -> exerciseTopic.records().stream().filter(r -> exerciseId.equals(r.exerciseId())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(record.key()).isEqualTo(exerciseId);
        assertThat(record.headers()).containsEntry(CeHeaders.ID, eventId)
                .containsEntry(CeHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CeHeaders.TYPE, EventType.EXERCISE_CREATED.type())
                .containsEntry(CeHeaders.SOURCE, "/weerbaar/kit-test")
                .containsEntry(CeHeaders.EXERCISE_STATUS, "Test")
                .containsEntry(CeHeaders.SCENARIO_TIME, "0")
                .doesNotContainKey("__TypeId__");
        assertThat(TopicRecorder.violations(record)).isEmpty();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(applied(exerciseId)).isEqualTo(1);
            assertThat(applied(ProbeListener.BATCH_COLLECTION, exerciseId)).isEqualTo(1);
        });
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        ContractExamples.Example example = ContractExamples.of(EventType.EXERCISE_CREATED).getFirst();
        String exerciseId = "oef-dup-" + UUID.randomUUID();
        Map<String, String> headers = new java.util.HashMap<>(example.headers());
        headers.put(CeHeaders.ID, UUID.randomUUID().toString());
        headers.put(CeHeaders.EXERCISE_ID, exerciseId);
        double duplicatesBefore = duplicates();

        send(exerciseId, headers, example.payloadBytes());
        send(exerciseId, headers, example.payloadBytes());

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore + 1); // both listeners
        assertThat(applied(exerciseId)).isEqualTo(1);
        assertThat(applied(ProbeListener.BATCH_COLLECTION, exerciseId)).isEqualTo(1);
    }

    @Test
    void aRecordThatIsNotJsonGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String key = "oef-bad-json-" + UUID.randomUUID();
        ContractExamples.Example example = ContractExamples.of(EventType.EXERCISE_CREATED).getFirst();
        Map<String, String> headers = new java.util.HashMap<>(example.headers());
        headers.put(CeHeaders.ID, UUID.randomUUID().toString());
        headers.put(CeHeaders.EXERCISE_ID, key);
        // a valid record before it on the same partition: a batch listener applies it and commits it, then sends
        // the broken one away
        send(key, headers, example.payloadBytes());
        double unreadableBefore = deadLetters("unreadable");
        headers.put(CeHeaders.ID, UUID.randomUUID().toString());
        send(key, headers, "{this is not json".getBytes(StandardCharsets.UTF_8));
        // a valid record behind it on the same partition (same key) must still be applied
        headers.put(CeHeaders.ID, UUID.randomUUID().toString());
        send(key, headers, example.payloadBytes());

        // the record listener and the batch listener each send it away, with the original bytes and the reason
        List<RawRecord> dead = awaitDeadLetters(key, 2);
        assertThat(dead).allSatisfy(d -> {
            assertThat(d.valueText()).isEqualTo("{this is not json");
            assertThat(d.headers()).containsEntry("kafka_dlt-original-topic", Topics.EXERCISE);
            assertThat(d.headers().get("weerbaar_dlt_reason")).contains("is not JSON");
        });
        // counted for the operator, by topic and kind of reason
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("unreadable") >= unreadableBefore + 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(applied(key)).isEqualTo(2);
            assertThat(applied(ProbeListener.BATCH_COLLECTION, key)).isEqualTo(2);
        });
    }

    @Test
    void aRecordThatBreaksItsSchemaGoesToTheDeadLetterTopicWithTheFieldNamed() throws Exception {
        String key = "oef-bad-schema-" + UUID.randomUUID();
        ContractExamples.Example example = ContractExamples.of(EventType.EXERCISE_CREATED).getFirst();
        Map<String, String> headers = new java.util.HashMap<>(example.headers());
        headers.put(CeHeaders.ID, UUID.randomUUID().toString());
        headers.put(CeHeaders.EXERCISE_ID, key);
        JsonNode payload = example.payload().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("speed", -1);
        double contractBefore = deadLetters("contract");
        send(key, headers, EventJson.mapper().writeValueAsBytes(payload));

        assertThat(awaitDeadLetters(key, 2)).allSatisfy(dead -> assertThat(dead.headers().get("weerbaar_dlt_reason"))
                .contains("$.speed: must have an exclusive minimum value of 0"));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters("contract") >= contractBefore + 2);
        assertThat(mongo.findById(key, Document.class, "probe_effects")).isNull();
        assertThat(mongo.findById(key, Document.class, ProbeListener.BATCH_COLLECTION)).isNull();
    }

    private List<RawRecord> awaitDeadLetters(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters.records().stream().filter(r -> key.equals(r.key())).toList(),
                list -> list.size() >= count);
    }

    private void send(String key, Map<String, String> headers, byte[] value) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.EXERCISE, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).join();
    }

    private int applied(String exerciseId) {
        return applied("probe_effects", exerciseId);
    }

    private int applied(String collection, String exerciseId) {
        Document effect = mongo.findById(exerciseId, Document.class, collection);
        return effect == null ? 0 : effect.getInteger("applied");
    }

    private double deadLetters(String reason) {
        return meters.find(DeadLetters.METER).tag("topic", Topics.EXERCISE).tag("reason", reason).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private double duplicates() {
        return meters.find("weerbaar.events.duplicates").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
