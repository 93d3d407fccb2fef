package nl.weerbaar.vitalstatus.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.vitalstatus.VitalTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The same outage gives the same status sequence: a re-run (same scenario and seed) is simulated again and comes
 * out identical; a replay is the recording played back, projected and never simulated a second time.
 */
@WeerbaarIntegrationTest
class ReplayAndRerunTest extends VitalTestSupport {

    @Test
    void aReplayAndARerunAtAnySpeedGiveTheSameStatusSequenceAsTheOriginal() throws Exception {
        String original = playToTheEnd();
        Map<String, List<String>> sequence = sequence(original);
        assertThat(sequence.get("alarmnummer-112")).anyMatch(s -> s.startsWith("status alarmnummer-112 down"));

        String replay = json(timelineCommand("/api/exercises/" + original + "/replay", "{\"speed\":1000000,\"autoStart\":true}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .path("exerciseId").asText();
        awaitOver(replay);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sequence(replay)).isEqualTo(sequence));
        assertThat(vitalRecords(replay)).allMatch(r -> original.equals(r.headers().get(CeHeaders.REPLAY_OF)));
        assertThat(cascade.progress(replay)).as("a replay is never simulated").isEmpty();
        // the read model of the replay shows the end state of the original
        assertThat(views.all(replay)).extracting(v -> v.provider().id() + "=" + v.state())
                .containsExactlyElementsOf(views.all(original).stream()
                        .map(v -> v.provider().id() + "=" + v.state()).toList());

        String rerun = json(timelineCommand("/api/exercises/" + original + "/rerun", "{\"speed\":1000000,\"autoStart\":true}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .path("exerciseId").asText();
        awaitSimulationEnded(rerun);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sequence(rerun)).isEqualTo(sequence));

        // played 500 times slower, with hundreds of clock ticks in between instead of a handful: the same outcome
        String slow = json(timelineCommand("/api/exercises/" + original + "/rerun", "{\"speed\":2000,\"autoStart\":true}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .path("exerciseId").asText();
        awaitSimulationEnded(slow);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(sequence(slow)).isEqualTo(sequence));
    }

    private String playToTheEnd() throws Exception {
        String id = play("klein-testscenario", 1_000_000);
        awaitSimulationEnded(id);
        return id;
    }

    /**
     * What the crisis team saw per provider, in the order of the record (the topic orders per provider, its key),
     * stripped of ids, wall times and the exercise id.
     */
    private Map<String, List<String>> sequence(String exerciseId) {
        return vitalRecords(exerciseId).stream()
                .filter(r -> !r.type().equals(EventType.PROVIDER_REGISTERED.type()))
                .collect(Collectors.groupingBy(RawRecord::key, TreeMap::new,
                        Collectors.mapping(ReplayAndRerunTest::essence, Collectors.toList())));
    }

    private static String essence(RawRecord r) {
        if (r.type().equals(EventType.VITAL_ALERT_RAISED.type())) {
            VitalAlertRaised a = payload(r, VitalAlertRaised.class);
            return "alert " + a.providerId() + " " + a.kind() + " @" + a.atSeconds() + " " + a.message().en();
        }
        if (r.type().equals(EventType.VITAL_ALERT_RESOLVED.type())) {
            VitalAlertResolved a = payload(r, VitalAlertResolved.class);
            return "resolved " + a.alertId() + " " + a.reason() + " @" + a.atSeconds() + " " + a.message().en();
        }
        ProviderStatusChanged s = payload(r, ProviderStatusChanged.class);
        assertThat(s.source()).isEqualTo(StatusSource.SIMULATION);
        return "status " + s.providerId() + " " + s.state().wire() + " @" + s.atSeconds() + " "
                + s.backupRemainingHours() + " " + s.cause().en();
    }
}
