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
