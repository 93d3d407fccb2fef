package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NoodsteunpuntApplication;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.vitalstatus.VitalStatusApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The default scenario through the four real services over the broker, once at 20,000x and once at 1,000,000x with a
 * core kept busy: vital-status, noodsteunpunt and burgerhulp decide the same events, with the same content, in the
 * same order per key, at the same scenario and event times — only the exercise id (and so the ids derived from it)
 * and the wall times differ. And every help request noodsteunpunt asked is opened by burgerhulp, in both runs.
 */
@WeerbaarIntegrationTest
class SameOutcomeAtAnySpeedTest {

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final List<String> DECIDING = List.of(Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT,
            Topics.BURGERHULP);

    @Autowired ExerciseClocks clocks;
    @Autowired CoordinationQueries coordination;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    TimelineDriver timeline;
    final Map<String, TopicRecorder> topics = new TreeMap<>();

    @BeforeEach
    void startCompanions() {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        DECIDING.forEach(t -> topics.put(t, new TopicRecorder(brokers, t)));
    }

    @AfterEach
    void close() {
        topics.values().forEach(TopicRecorder::close);
    }

    @Test
    void theDefaultScenarioGivesTheSameEventsFromEveryServiceAtTwoVeryDifferentSpeedsAndLosesNoHelpRequest()
            throws Exception {
        String slow = playToTheEnd(20_000);
        String fast;
        AtomicBoolean busy = new AtomicBoolean(true);
        Thread spinner = Thread.ofPlatform().daemon().start(() -> {
            long x = 0;
            while (busy.get()) {
                x += System.nanoTime() % 7; // keeps one of the two cores busy while the fast run plays
            }
            assertThat(x).isNotNegative();
        });
        try {
            fast = playToTheEnd(1_000_000);
        } finally {
            busy.set(false);
            spinner.join();
        }

        // outcomes are committed shortly after the models took in the end: compare until both runs are complete
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String topic : DECIDING) {
                assertThat(decisions(topic, fast)).as("decisions on %s", topic).isEqualTo(decisions(topic, slow));
            }
        });
        for (String exerciseId : List.of(slow, fast)) {
            List<RawRecord> all = new ArrayList<>();
            DECIDING.forEach(t -> all.addAll(topics.get(t).validRecords(exerciseId)));
            assertThat(all.stream().map(r -> r.headers().get(CeHeaders.ID)).distinct()).as("ids unique")
                    .hasSize(all.size());
            List<HelpRequested> asked = topics.get(Topics.NOODSTEUNPUNT).payloads(exerciseId,
                    EventType.HELP_REQUESTED, HelpRequested.class);
            List<HelpRequestOpened> opened = topics.get(Topics.BURGERHULP).payloads(exerciseId,
                    EventType.HELP_REQUEST_OPENED, HelpRequestOpened.class).stream()
                    .filter(o -> HelpRequestOpened.FROM_NSP.equals(o.source())).toList();
            assertThat(asked).as("help requests asked").hasSizeGreaterThan(100);
            assertThat(opened).extracting(HelpRequestOpened::requestId).as("every one opened, once")
                    .containsExactlyInAnyOrderElementsOf(asked.stream().map(HelpRequested::requestId).toList());
        }
    }

    private String playToTheEnd(double speed) throws Exception {
        String id = timeline.play("bernheze-stroomuitval", speed, PATIENCE, ex -> clocks.find(ex).isPresent());
        await().atMost(PATIENCE).until(() -> clocks.find(id).orElseThrow().isOver()
                && coordination.model(id).map(m -> m.ended).orElse(false));
        return id;
    }

    /**
     * What the services decided for the exercise, per key in topic order: type, scenario time and payload, with the
     * exercise id taken out. Watermarks follow the clock's ticks, which differ
     * with the speed, and are left out.
     */
    private Map<String, List<String>> decisions(String topic, String exerciseId) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (RawRecord r : topics.get(topic).validRecords(exerciseId)) {
            String content = r.type() + " @" + r.headers().get(CeHeaders.SCENARIO_TIME) + " "
                    + r.valueText().replace(exerciseId, "X");
            byKey.computeIfAbsent(r.key().replace(exerciseId, "X"), k -> new ArrayList<>()).add(content);
        }
        return byKey;
    }
}
