package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.scenario.Volunteer;
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
 * The default scenario through the four real services: the pool's volunteers come in, the noodsteunpunten's help
 * requests reach burgerhulp, those before the phones fail are offered by phone to volunteers who can do them; after
 * that part of the pool reports in at a noodsteunpunt nearby, and requests there are offered to them in person.
 */
@WeerbaarIntegrationTest
class DefaultScenarioCoordinationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired ExerciseClocks clocks;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    TimelineDriver timeline;
    TopicRecorder topic;

    @BeforeEach
    void startCompanions() {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        topic = new TopicRecorder(brokers, Topics.BURGERHULP);
    }

    @AfterEach
    void close() {
        topic.close();
    }

    @Test
    void helpRequestsOfTheNspsAreOfferedByPhoneAndOnceThePhonesFailInPersonAtTheNsp() throws Exception {
        String id = timeline.play("bernheze-stroomuitval", 600, PATIENCE, ex -> clocks.find(ex).isPresent());
        timeline.command("/api/exercises/" + id + "/jump", "{\"toSeconds\":21600}").andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> !topic.payloads(id, EventType.REACHABILITY_CHANGED,
                ReachabilityChanged.class).isEmpty() && topic.payloads(id, EventType.HELP_OFFERED, HelpOffered.class)
                .stream().anyMatch(o -> o.channel().equals(HelpOffered.AT_NSP)));

        // one snapshot: every offer in it has its request (same key, earlier) and its volunteer (registered before)
        TopicRecorder.Snapshot recorded = topic.snapshot(id);
        Map<String, Volunteer> pool = recorded.payloads(EventType.VOLUNTEER_REGISTERED, VolunteerRegistered.class)
                .stream().map(VolunteerRegistered::volunteer).collect(Collectors.toMap(Volunteer::id,
                        Function.identity()));
        Map<String, HelpRequestOpened> requests = recorded.payloads(EventType.HELP_REQUEST_OPENED,
                HelpRequestOpened.class).stream().collect(Collectors.toMap(HelpRequestOpened::requestId,
                Function.identity()));
        assertThat(pool).isNotEmpty();
        assertThat(requests.values()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.source()).isEqualTo(HelpRequestOpened.FROM_NSP));

        // requests asked before the phones failed were offered by phone to a capable volunteer of the pool (a request
        // that comes in late is played from the time it was asked); in person only from the failure on. Not asserted:
        // that none went by phone after it. Burgerhulp hears of the phones from vital-status and of the requests from
        // noodsteunpunt, two topics, and after one big jump which comes first is chance: a request taken in before
        // the failure is offered by phone, as a coordinator who had not heard yet would (CoordinationModelTest has
        // the model's side of it)
        ReachabilityChanged down = recorded.payloads(EventType.REACHABILITY_CHANGED, ReachabilityChanged.class)
                .getFirst();
        assertThat(down.mode()).isEqualTo(ReachabilityChanged.NSP_ONLY);
        List<HelpOffered> offers = recorded.payloads(EventType.HELP_OFFERED, HelpOffered.class);
        assertThat(offers).allSatisfy(o -> {
            Volunteer v = pool.get(o.volunteerId());
            assertThat(v).as("offered volunteer %s is of the pool", o.volunteerId()).isNotNull();
            if (requests.get(o.requestId()).need().equals("first-aid")) {
                assertThat(v.skills()).containsAnyOf("first-aid", "cpr-aed");
            }
            if (o.channel().equals(HelpOffered.AT_NSP)) {
                assertThat(o.atSeconds()).isGreaterThanOrEqualTo(down.atSeconds());
            }
        });

        // without phones part of the pool went to a noodsteunpunt nearby; requests there were offered to them in
        // person, and only to them
        List<VolunteerPresenceChanged> reportedIn = recorded.payloads(EventType.VOLUNTEER_PRESENCE_CHANGED,
                VolunteerPresenceChanged.class).stream().filter(VolunteerPresenceChanged::present).toList();
        assertThat(reportedIn).isNotEmpty().allSatisfy(p -> {
            assertThat(p.atSeconds()).isGreaterThanOrEqualTo(down.atSeconds());
            assertThat(pool).containsKey(p.volunteerId());
        });
        Map<String, String> presentAt = reportedIn.stream().collect(Collectors.toMap(
                VolunteerPresenceChanged::volunteerId, VolunteerPresenceChanged::nspId, (first, last) -> last));
        List<HelpOffered> inPerson = offers.stream().filter(o -> o.channel().equals(HelpOffered.AT_NSP)).toList();
        assertThat(inPerson).as("offers in person at an NSP").isNotEmpty().allSatisfy(o ->
                assertThat(presentAt.get(o.volunteerId())).isEqualTo(requests.get(o.requestId()).nspId()));
    }
}
