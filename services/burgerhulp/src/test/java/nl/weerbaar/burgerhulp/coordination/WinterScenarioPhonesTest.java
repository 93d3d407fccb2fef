package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.TopicRecorder;
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
 * The Meierijstad winter scenario through the four real services: its masts serve the north and the south of the
 * municipality with different batteries, so the phones fail part by part, and come back with each part's grid (the
 * south at T+30, the north at T+46). Burgerhulp follows the providers per place, at the times they change: who lives
 * where the phones are out reports in at an NSP and is asked there; who lives where they work is still phoned.
 */
@WeerbaarIntegrationTest
class WinterScenarioPhonesTest {

    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Set<String> SOUTH = Set.of("schijndel", "sint-oedenrode");
    private static final long H = 3600;

    @Autowired ExerciseClocks clocks;
    @Autowired CoordinationQueries coordination;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    TimelineDriver timeline;
    TopicRecorder burgerhulp;
    TopicRecorder vital;

    @BeforeEach
    void startCompanions() {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        burgerhulp = new TopicRecorder(brokers, Topics.BURGERHULP);
        vital = new TopicRecorder(brokers, Topics.VITAL_STATUS);
    }

    @AfterEach
    void close() {
        burgerhulp.close();
        vital.close();
    }

    @Test
    void thePhonesFailAndReturnPartByPartAndVolunteersAreAskedAsTheirOwnPlaceAllows() throws Exception {
        String id = timeline.play("meierijstad-winterstoring", 1_000_000, PATIENCE,
                ex -> clocks.find(ex).isPresent());
        await().atMost(PATIENCE).until(() -> clocks.find(id).orElseThrow().isOver()
                && coordination.model(id).map(m -> m.ended).orElse(false));
        long northDown = firstDown(id, "masten-noord");
        long southDown = firstDown(id, "masten-zuid");
        assertThat(northDown).isLessThan(southDown); // batteries of 1.5–3 h against 3–5 h

        TopicRecorder.Snapshot recorded = await().atMost(PATIENCE).until(() -> burgerhulp.snapshot(id),
                s -> s.payloads(EventType.REACHABILITY_CHANGED, ReachabilityChanged.class).size() >= 4);
        List<ReachabilityChanged> changes = recorded.payloads(EventType.REACHABILITY_CHANGED,
                ReachabilityChanged.class);
        // the fixed lines' failure (T+0:30) changes nothing while the masts work; then part by part
        assertThat(changes).extracting(ReachabilityChanged::atSeconds, ReachabilityChanged::mode,
                c -> Set.copyOf(c.exceptPlaces())).containsExactly(
                org.assertj.core.groups.Tuple.tuple(northDown, ReachabilityChanged.NSP_ONLY, SOUTH),
                org.assertj.core.groups.Tuple.tuple(southDown, ReachabilityChanged.NSP_ONLY, Set.of()),
                org.assertj.core.groups.Tuple.tuple(30 * H, ReachabilityChanged.NSP_ONLY, SOUTH),
                org.assertj.core.groups.Tuple.tuple(46 * H, ReachabilityChanged.PHONE, Set.of()));

        Map<String, Volunteer> pool = recorded.payloads(EventType.VOLUNTEER_REGISTERED, VolunteerRegistered.class)
                .stream().map(VolunteerRegistered::volunteer)
                .collect(Collectors.toMap(Volunteer::id, Function.identity()));
        // before the south's masts fail only volunteers of the north report in at an NSP
        List<VolunteerPresenceChanged> reportedIn = recorded.payloads(EventType.VOLUNTEER_PRESENCE_CHANGED,
                VolunteerPresenceChanged.class).stream().filter(VolunteerPresenceChanged::present).toList();
        assertThat(reportedIn).filteredOn(p -> p.atSeconds() < southDown).isNotEmpty()
                .allSatisfy(p -> assertThat(SOUTH).doesNotContain(pool.get(p.volunteerId()).placeId()));
        assertThat(reportedIn).allSatisfy(p -> assertThat(p.atSeconds()).isGreaterThanOrEqualTo(northDown));
        // while only the south has phones, phone offers go to volunteers living there (or present at the request)
        List<HelpOffered> offers = recorded.payloads(EventType.HELP_OFFERED, HelpOffered.class);
        assertThat(offers).filteredOn(o -> o.atSeconds() >= northDown && o.atSeconds() < southDown
                        && HelpOffered.BY_PHONE.equals(o.channel()))
                .allSatisfy(o -> assertThat(SOUTH).contains(pool.get(o.volunteerId()).placeId()));
        assertThat(offers).filteredOn(o -> o.atSeconds() >= southDown && o.atSeconds() < 30 * H)
                .allSatisfy(o -> assertThat(o.channel()).isEqualTo(HelpOffered.AT_NSP));
    }

    private long firstDown(String exerciseId, String providerId) {
        return await().atMost(PATIENCE).until(() -> vital.payloads(exerciseId, EventType.PROVIDER_STATUS_CHANGED,
                        ProviderStatusChanged.class).stream()
                .filter(s -> s.providerId().equals(providerId) && s.state() == ProviderState.DOWN)
                .mapToLong(ProviderStatusChanged::atSeconds).min(), java.util.OptionalLong::isPresent).getAsLong();
    }
}
