package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.Topics;
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
 * One inject followed across the services: the outage-timeline's events carry a W3C traceparent (its Kafka
 * observation), and every outcome the stream processors of vital-status, noodsteunpunt and burgerhulp decide carries
 * on the trace of the event that caused it, so a trace reaches from the timeline through vital-status to burgerhulp.
 */
@WeerbaarIntegrationTest
class TracingAcrossServicesTest {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final List<String> TOPICS = List.of(Topics.EXERCISE, Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT,
            Topics.BURGERHULP);

    @Autowired ExerciseClocks clocks;
    @Autowired CoordinationQueries coordination;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    TimelineDriver timeline;
    final List<TopicRecorder> recorders = new ArrayList<>();

    @BeforeEach
    void startCompanions() {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        TOPICS.forEach(t -> recorders.add(new TopicRecorder(brokers, t)));
    }

    @AfterEach
    void close() {
        recorders.forEach(TopicRecorder::close);
    }

    @Test
    void everyOutcomeCarriesOnTheTraceOfTheEventThatCausedItFromTheTimelineToBurgerhulp() throws Exception {
        String id = timeline.play("klein-testscenario", 20_000, PATIENCE, ex -> clocks.find(ex).isPresent());
        await().atMost(PATIENCE).until(() -> clocks.find(id).orElseThrow().isOver()
                && coordination.model(id).map(m -> m.ended).orElse(false));
        // the phones fail when the masts' batteries are empty: burgerhulp's word on it comes from vital-status's
        await().atMost(PATIENCE).until(() -> records(id).stream().anyMatch(r -> r.type().endsWith(
                "reachability-changed.v1")));

        List<RawRecord> all = records(id);
        Map<String, RawRecord> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.headers().get(CeHeaders.ID), r));
        List<RawRecord> timelines = all.stream().filter(r -> r.topic().equals(Topics.EXERCISE)).toList();
        assertThat(timelines).isNotEmpty().allSatisfy(r -> assertThat(r.headers().get(CeHeaders.TRACE_PARENT))
                .as("%s carries a trace", r.type()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));

        int followed = 0;
        int acrossTwo = 0;
        for (RawRecord outcome : all) {
            RawRecord cause = byId.get(outcome.headers().get(CeHeaders.CAUSATION_ID));
            if (outcome.topic().equals(Topics.EXERCISE) || cause == null
                    || cause.headers().get(CeHeaders.TRACE_PARENT) == null) {
                continue;
            }
            assertThat(traceId(outcome)).as("%s caused by %s", outcome.type(), cause.type())
                    .isEqualTo(traceId(cause));
            followed++;
            RawRecord first = byId.get(cause.headers().get(CeHeaders.CAUSATION_ID));
            if (outcome.topic().equals(Topics.BURGERHULP) && cause.topic().equals(Topics.VITAL_STATUS)
                    && first != null && first.topic().equals(Topics.EXERCISE)) {
                acrossTwo++; // timeline → vital-status → burgerhulp, one trace
            }
        }
        assertThat(followed).isGreaterThan(50);
        assertThat(acrossTwo).isPositive();
    }

    private List<RawRecord> records(String exerciseId) {
        List<RawRecord> all = new ArrayList<>();
        recorders.forEach(r -> all.addAll(r.validRecords(exerciseId)));
        return all;
    }

    private static String traceId(RawRecord r) {
        String parent = r.headers().get(CeHeaders.TRACE_PARENT);
        assertThat(parent).as("%s carries a trace", r.type()).isNotNull();
        return parent.split("-")[1];
    }
}
