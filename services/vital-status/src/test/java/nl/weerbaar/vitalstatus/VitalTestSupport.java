package nl.weerbaar.vitalstatus;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.vitalstatus.provider.ProviderViews;
import nl.weerbaar.kit.model.ExerciseModelStore;
import nl.weerbaar.vitalstatus.simulation.CascadeModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Plays exercises on the real outage-timeline service (a companion in this JVM, same broker) and reads what
 * vital-status made of them: its read model, and its records on the topic, checked against the contracts.
 */
public abstract class VitalTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired protected MockMvc mvc;
    @Autowired protected ProviderViews views;
    @Autowired protected ExerciseClocks clocks;
    @Autowired protected ExerciseModelStore<CascadeModel> models;
    @Value("${spring.kafka.bootstrap-servers}") protected String brokers;
    protected MockMvc timeline;
    protected TopicRecorder vitalTopic;

    @BeforeEach
    void startTimeline() {
        ConfigurableApplicationContext companion = CompanionServices.start(OutageTimelineApplication.class,
                "outage-timeline", brokers);
        timeline = MockMvcBuilders.webAppContextSetup((WebApplicationContext) companion).apply(springSecurity())
                .build();
        vitalTopic = new TopicRecorder(brokers, Topics.VITAL_STATUS);
    }

    @AfterEach
    void closeTopic() {
        vitalTopic.close();
    }

    /** Starts an exercise on the timeline and waits until vital-status has registered its providers. */
    protected String play(String scenarioId, double speed) throws Exception {
        String id = "oef-" + UUID.randomUUID().toString().substring(0, 13);
        timelineCommand("/api/exercises", "{\"scenarioId\":\"" + scenarioId + "\",\"exerciseId\":\"" + id
                + "\",\"speed\":" + speed + ",\"autoStart\":true}").andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> !views.all(id).isEmpty() && clocks.find(id).isPresent());
        return id;
    }

    protected ResultActions timelineCommand(String path, String json) throws Exception {
        return timeline.perform(post(path).with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    protected void awaitOver(String exerciseId) {
        await().atMost(PATIENCE).until(() -> clocks.find(exerciseId).orElseThrow().isOver());
    }

    /** Waits until the exercise is over and its simulation has taken in the end (all it decided is published). */
    protected void awaitSimulationEnded(String exerciseId) {
        awaitOver(exerciseId);
        await().atMost(PATIENCE).until(() -> models.find(exerciseId).map(m -> m.ended).orElse(false));
    }

    /** The exercise's records on the vital-status topic so far, each checked against the contracts. */
    protected List<RawRecord> vitalRecords(String exerciseId) {
        List<RawRecord> records = vitalTopic.caughtUp().stream().filter(r -> exerciseId.equals(r.exerciseId()))
                .toList();
        records.forEach(r -> assertThat(TopicRecorder.violations(r)).as("record %s", r.type()).isEmpty());
        return records;
    }

    protected List<ProviderStatusChanged> statuses(String exerciseId, String providerId) {
        return vitalRecords(exerciseId).stream()
                .filter(r -> EventType.PROVIDER_STATUS_CHANGED.type().equals(r.type()))
                .map(r -> payload(r, ProviderStatusChanged.class))
                .filter(s -> s.providerId().equals(providerId)).toList();
    }

    protected static <T> T payload(RawRecord record, Class<T> type) {
        try {
            return EventJson.mapper().readValue(record.value(), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(String body) throws IOException {
        return EventJson.mapper().readTree(body);
    }
}
