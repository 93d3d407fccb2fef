package nl.weerbaar.kit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.clock.ExerciseClocks;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service must do, inherited by each service's test: be healthy and observable, describe its API, and
 * follow the exercise clock from every example of the exercise topic in {@code contracts/}.
 */
public abstract class ServiceFoundationContract {

    @Autowired protected MockMvc mvc;
    @Autowired protected KafkaTemplate<String, Object> kafka;
    @Autowired protected ExerciseClocks clocks;
    @Autowired protected org.springframework.context.ApplicationContext context;
    @Autowired protected org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails kafkaConnection;

    @Test
    void isHealthyObservableAndDescribed() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(TestAuth.token(TestAuth.MONITOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("application=")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value(containsString("Weerbaar")));
    }

    @Test
    void followsTheExerciseClockFromEveryContractExample() {
        String exerciseId = "oef-follow-" + UUID.randomUUID();
        // first two poison records on the exercise's partition (issue 15): a record that is not JSON, and an event
        // that breaks its schema; each goes to the dead-letter topic, counted, and the examples behind them still apply
        double deadBefore = deadLetters(Topics.EXERCISE);
        ProducerRecord<String, Object> notJson = new ProducerRecord<>(Topics.EXERCISE, exerciseId,
                "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(notJson).join();
        ContractExamples.Example created = ContractExamples.of(EventType.EXERCISE_CREATED).getFirst();
        ObjectNode broken = created.payload().deepCopy();
        broken.remove("scenarioId");
        send(exerciseId, created.headers(), broken);
        for (ContractExamples.Example example : ContractExamples.all()) {
            if (example.type().topic().equals(Topics.EXERCISE)) {
                send(exerciseId, example.headers(), example.payload());
            }
        }
        // the examples are created, started, then a tick at T+3:10 — all three must have been applied, in order
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // not there yet is a reason to wait, not to fail (untilAsserted retries assertion errors only)
            var clock = clocks.find(exerciseId).orElseThrow(() -> new AssertionError("no clock of " + exerciseId));
            assertThat(clock.state()).isEqualTo("RUNNING");
            assertThat(clock.scenarioTimeSeconds()).isEqualTo(11_400);
            assertThat(clock.scenarioId()).isEqualTo("bernheze-stroomuitval");
        });
        // and stopped again, so an outage-timeline running beside this test (a companion) does not play it on
        ContractExamples.Example started = ContractExamples.of(EventType.EXERCISE_STATE_CHANGED).getFirst();
        ObjectNode stopped = started.payload().deepCopy();
        stopped.put("previousState", "RUNNING").put("state", "STOPPED").put("scenarioTimeSeconds", 11_400)
                .put("reason", "stop");
        send(exerciseId, started.headers(), stopped);
        await().atMost(Duration.ofSeconds(60)).until(() -> clocks.find(exerciseId).orElseThrow().isOver());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deadLetters(Topics.EXERCISE))
                .as("both poison records dead-lettered and counted").isGreaterThanOrEqualTo(deadBefore + 2));
    }

    /**
     * Poison on every topic this service consumes (its listeners' and its stream processors' sources, found in the
     * running context): a record that is not JSON and an event of a type no contract knows reach every consumer of the
     * topic and each puts them on the dead-letter topic with the reason; a broken copy of each of the topic's contract
     * examples is dead-lettered by the consumers that read that type. None blocks its partition: a record stuck in
     * retries would never reach the dead-letter topic.
     */
    @Test
    void deadLettersPoisonOnEveryTopicItConsumes() {
        Map<String, Integer> consumers = ConsumedTopics.of(context);
        assertThat(consumers).as("the topics this service consumes").isNotEmpty();
        String marker = "poison-" + UUID.randomUUID();
        Map<String, Integer> sent = new HashMap<>();
        for (String topic : consumers.keySet()) {
            sent.put(topic, 2 + (int) ContractExamples.all().stream()
                    .filter(example -> example.type().topic().equals(topic)).count());
            String exerciseId = "oef-" + marker;
            kafka.send(poison(topic, exerciseId, null, ("{not json " + marker).getBytes(StandardCharsets.UTF_8)))
                    .join();
            kafka.send(poison(topic, exerciseId, "nl.weerbaar.unknown.v1",
                    ("{\"exerciseId\":\"" + exerciseId + "\",\"marker\":\"unknown-type\"}")
                            .getBytes(StandardCharsets.UTF_8))).join();
            for (ContractExamples.Example example : ContractExamples.all()) {
                if (example.type().topic().equals(topic)) {
                    kafka.send(poison(topic, exerciseId, example.type().type(),
                            ("{\"exerciseId\":\"" + exerciseId + "\",\"marker\":\"wrong-schema\"}")
                                    .getBytes(StandardCharsets.UTF_8))).join();
                }
            }
        }
        for (var topic : consumers.entrySet()) {
            try (TopicRecorder dead = new TopicRecorder(String.join(",", kafkaConnection.getBootstrapServers()), Topics.deadLetter(topic.getKey()))) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                    var mine = dead.records().stream().filter(r -> r.valueText() != null
                            && r.valueText().contains(marker)).toList();
                    assertThat(mine).as("dead letters on %s", Topics.deadLetter(topic.getKey()))
                            .allSatisfy(r -> assertThat(r.headers())
                                    .containsKey(nl.weerbaar.kit.kafka.KafkaKitConfiguration.DEAD_LETTER_REASON));
                    assertThat(mine.stream().filter(r -> r.valueText().startsWith("{not json")).count())
                            .as("not JSON on %s, once per consumer", topic.getKey())
                            .isGreaterThanOrEqualTo(topic.getValue());
                    assertThat(mine.stream().filter(r -> r.valueText().contains("unknown-type")).count())
                            .as("an unknown type on %s, once per consumer", topic.getKey())
                            .isGreaterThanOrEqualTo(topic.getValue());
                    assertThat(mine.stream().filter(r -> r.valueText().contains("wrong-schema")).count())
                            .as("broken contract examples on %s", topic.getKey()).isPositive();
                });
                System.out.printf("poison accounting %s: %s read by %d consumer(s), %d poison records sent, %d dead "
                                + "letters with a reason, blocked partitions 0%n",
                        context.getEnvironment().getProperty("spring.application.name"), topic.getKey(),
                        topic.getValue(), sent.get(topic.getKey()), dead.records().stream()
                                .filter(r -> r.valueText() != null && r.valueText().contains(marker)).count());
            }
        }
    }

    private static ProducerRecord<String, Object> poison(String topic, String exerciseId, String type, byte[] value) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, exerciseId, value);
        record.headers().add(CeHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(CeHeaders.EXERCISE_ID, exerciseId.getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add(CeHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** Records of {@code topic} this service's consumers have dead-lettered so far (weerbaar_dead_letters_total). */
    private static double deadLetters(String topic) {
        return io.micrometer.core.instrument.Metrics.globalRegistry.find(nl.weerbaar.kit.kafka.DeadLetters.METER)
                .tag("topic", topic).counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    /** An example as if it were of exercise {@code exerciseId}: in the headers and in the payload. */
    private void send(String exerciseId, Map<String, String> exampleHeaders, JsonNode payload) {
        Map<String, String> headers = new HashMap<>(exampleHeaders);
        headers.put(CeHeaders.ID, UUID.randomUUID().toString());
        headers.put(CeHeaders.EXERCISE_ID, exerciseId);
        ObjectNode retargeted = payload.deepCopy();
        retargeted.put("exerciseId", exerciseId);
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.EXERCISE, exerciseId,
                retargeted.toString().getBytes(StandardCharsets.UTF_8));
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        kafka.send(record).join();
    }

    @Test
    void readsNeedARole() throws Exception {
        mvc.perform(get("/api/exercise-clocks")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/exercise-clocks").with(TestAuth.token(TestAuth.CRISIS_TEAM))).andExpect(status().isOk());
        mvc.perform(get("/api/exercise-clocks/none").with(TestAuth.token(TestAuth.CRISIS_TEAM)))
                .andExpect(status().isNotFound());
    }
}
