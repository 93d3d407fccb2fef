package nl.weerbaar.noodsteunpunt;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.noodsteunpunt.nsp.NspView;
import nl.weerbaar.noodsteunpunt.nsp.NspViews;
import nl.weerbaar.noodsteunpunt.simulation.NspQueries;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.vitalstatus.VitalStatusApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Plays exercises on the real outage-timeline and vital-status services (companions in this JVM, same broker) and
 * reads what noodsteunpunt made of them: its read model and its records on the topic, checked against the contracts.
 */
public abstract class NspTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired protected MockMvc mvc;
    @Autowired protected NspViews views;
    @Autowired protected ExerciseClocks clocks;
    @Autowired protected NspQueries models;
    @Value("${spring.kafka.bootstrap-servers}") protected String brokers;
    protected TimelineDriver timeline;
    protected TopicRecorder nspTopic;

    @BeforeEach
    void startCompanions() throws Exception {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        nspTopic = new TopicRecorder(brokers, Topics.NOODSTEUNPUNT);
        timeline.upload("nsp-balie-test");
        timeline.upload("nsp-overloop-test");
    }

    @AfterEach
    void closeTopic() {
        nspTopic.close();
    }

    /** Starts an exercise on the timeline and waits until noodsteunpunt has registered its NSPs. */
    protected String play(String scenarioId, double speed) throws Exception {
        return timeline.play(scenarioId, speed, PATIENCE, id -> !views.all(id).isEmpty() && clocks.find(id).isPresent());
    }

    protected ResultActions timelineCommand(String path, String json) throws Exception {
        return timeline.command(path, json);
    }

    protected void awaitState(String exerciseId, String nspId, NspState state) {
        await().atMost(PATIENCE).until(() -> views.find(exerciseId, nspId).map(NspView::state).orElse(null) == state);
    }

    /** The exercise's records on the noodsteunpunt topic so far, each checked against the contracts. */
    protected List<RawRecord> nspRecords(String exerciseId) {
        return nspTopic.validRecords(exerciseId);
    }

    protected <T> List<T> events(String exerciseId, EventType type, Class<T> payloadType) {
        return nspTopic.payloads(exerciseId, type, payloadType);
    }

    protected static JsonNode json(String body) throws IOException {
        return EventJson.mapper().readTree(body);
    }
}
