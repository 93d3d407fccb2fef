package nl.weerbaar.vitalstatus;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.vitalstatus.provider.ProviderViews;
import nl.weerbaar.vitalstatus.simulation.CascadeQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Plays exercises on the real outage-timeline service (a companion in this JVM, same broker) and reads what
 * vital-status made of them: its read model, and its records on the topic, checked against the contracts.
 */
public abstract class VitalTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired protected MockMvc mvc;
    @Autowired protected ProviderViews views;
    @Autowired protected ExerciseClocks clocks;
    @Autowired protected CascadeQueries cascade;
    @Value("${spring.kafka.bootstrap-servers}") protected String brokers;
    protected TimelineDriver timeline;
    protected TopicRecorder vitalTopic;

    @BeforeEach
    void startTimeline() {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        vitalTopic = new TopicRecorder(brokers, Topics.VITAL_STATUS);
    }

    @AfterEach
    void closeTopic() {
        vitalTopic.close();
    }

    /** Starts an exercise on the timeline and waits until vital-status has registered its providers. */
    protected String play(String scenarioId, double speed) throws Exception {
        return timeline.play(scenarioId, speed, PATIENCE, id -> !views.all(id).isEmpty() && clocks.find(id).isPresent());
    }

    protected ResultActions timelineCommand(String path, String json) throws Exception {
        return timeline.command(path, json);
    }

    protected void awaitOver(String exerciseId) {
        await().atMost(PATIENCE).until(() -> clocks.find(exerciseId).orElseThrow().isOver());
    }

    /** Waits until the exercise is over and its simulation has taken in the end (all it decided is published). */
    protected void awaitSimulationEnded(String exerciseId) {
        awaitOver(exerciseId);
        await().atMost(PATIENCE).until(() -> cascade.progress(exerciseId).map(CascadeQueries.Progress::ended)
                .orElse(false));
    }

    /** The exercise's records on the vital-status topic so far, each checked against the contracts. */
    protected List<RawRecord> vitalRecords(String exerciseId) {
        return vitalTopic.validRecords(exerciseId);
    }

    protected List<ProviderStatusChanged> statuses(String exerciseId, String providerId) {
        return vitalTopic.payloads(exerciseId, EventType.PROVIDER_STATUS_CHANGED, ProviderStatusChanged.class)
                .stream().filter(s -> s.providerId().equals(providerId)).toList();
    }

    /** When the provider was first restored. */
    protected long restoredAt(String exerciseId, String providerId) {
        return statuses(exerciseId, providerId).stream().filter(s -> s.state() == ProviderState.RESTORED)
                .findFirst().orElseThrow().atSeconds();
    }

    protected List<VitalAlertRaised> alerts(String exerciseId) {
        return vitalTopic.payloads(exerciseId, EventType.VITAL_ALERT_RAISED, VitalAlertRaised.class);
    }

    protected List<VitalAlertResolved> resolvedAlerts(String exerciseId) {
        return vitalTopic.payloads(exerciseId, EventType.VITAL_ALERT_RESOLVED, VitalAlertResolved.class);
    }

    protected static <T> T payload(RawRecord record, Class<T> type) {
        return record.payload(type);
    }

    protected static JsonNode json(String body) throws IOException {
        return EventJson.mapper().readTree(body);
    }
}
