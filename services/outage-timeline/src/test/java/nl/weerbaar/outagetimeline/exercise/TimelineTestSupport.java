package nl.weerbaar.outagetimeline.exercise;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import org.junit.jupiter.api.AfterEach;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Drives exercises over the API and reads what they put on the real broker. */
abstract class TimelineTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired MockMvc mvc;
    @Autowired ExerciseRuns runs;
    @Autowired InjectPlan plan;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    TopicRecorder topic;

    @BeforeEach
    void openTopic() {
        topic = new TopicRecorder(brokers, Topics.EXERCISE);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    /** Creates an exercise of the small scenario and waits until the engine has set it up. */
    String create(String extraJson) throws Exception {
        String id = "oef-" + UUID.randomUUID().toString().substring(0, 13);
        send("/api/exercises", "{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id + "\""
                + (extraJson.isEmpty() ? "" : "," + extraJson) + "}").andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> runs.find(id).isPresent());
        return id;
    }

    ResultActions send(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions command(String exerciseId, String command) throws Exception {
        return mvc.perform(post("/api/exercises/" + exerciseId + "/" + command).with(token(TRAINER)));
    }

    /**
     * Waits until the exercise is in {@code state}. Not set up yet is a reason to wait, not to fail: a re-run or
     * replay is set up when the listener takes its created event, which after another test's rebalance takes a moment.
     */
    ExerciseRun awaitState(String exerciseId, ExerciseState state) {
        return await().atMost(PATIENCE).until(() -> runs.find(exerciseId).orElse(null),
                r -> r != null && r.state() == state);
    }

    /** The exercise's records on the exercise topic, in topic order. */
    List<RawRecord> events(String exerciseId) {
        return topic.records().stream().filter(r -> exerciseId.equals(r.exerciseId())).toList();
    }

    /** Waits until the exercise has ended on the record (finished or stopped) and returns all its records. */
    List<RawRecord> awaitEnd(String exerciseId) {
        return await().atMost(PATIENCE).until(() -> events(exerciseId), records -> records.stream()
                .filter(r -> EventType.EXERCISE_STATE_CHANGED.type().equals(r.type()))
                .map(r -> payload(r).path("state").asText()).anyMatch(s -> s.equals("FINISHED") || s.equals("STOPPED")));
    }

    List<RawRecord> events(String exerciseId, EventType type) {
        return events(exerciseId).stream().filter(r -> type.type().equals(r.type())).toList();
    }

    static long scenarioTime(RawRecord r) {
        return Long.parseLong(r.headers().get(CeHeaders.SCENARIO_TIME));
    }

    static JsonNode payload(RawRecord r) {
        try {
            return EventJson.mapper().readTree(r.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a run produced, stripped of what may differ between runs: ids, wall times and the exercise id. The
     * clock's own state changes are left out (they record the trainer's actions, not the scenario).
     */
    static List<String> essence(List<RawRecord> records) {
        return records.stream()
                .filter(r -> !r.type().equals(EventType.EXERCISE_CREATED.type())
                        && !r.type().equals(EventType.EXERCISE_STATE_CHANGED.type())
                        // the running clock's watermarks fall where the wall clock puts them
                        && !r.type().equals(EventType.CLOCK_PROGRESS_MARKED.type()))
                .map(r -> {
                    ObjectNode p = (ObjectNode) payload(r);
                    p.remove("exerciseId");
                    p.remove("wallTime");
                    p.remove("speed");
                    return r.type() + "@" + scenarioTime(r) + " " + p;
                }).toList();
    }

    /** One more instance of the service against the same broker and the same MongoDB-protocol server. */
    ConfigurableApplicationContext instance() {
        return CompanionServices.instance(OutageTimelineApplication.class, "outage-timeline", brokers);
    }
}
