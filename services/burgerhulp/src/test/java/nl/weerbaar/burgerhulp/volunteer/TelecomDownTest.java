package nl.weerbaar.burgerhulp.volunteer;

import static nl.weerbaar.kit.test.TestAuth.COORDINATOR;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.VOLUNTEER_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.weerbaar.burgerhulp.BurgerhulpTestSupport;
import nl.weerbaar.burgerhulp.request.HelpRequestView;
import nl.weerbaar.burgerhulp.request.OfferView;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * When the mobile and fixed networks fail (T+2:00 in the test scenario, through the real vital-status service),
 * volunteers can only be asked in person at a noodsteunpunt: a request at Heesch goes to the volunteer who reported
 * in there, not to the one living nearer; a request at Nistelrode, where nobody is, is escalated. When the mobile
 * network is back (T+3:00), volunteers are phoned again.
 */
@WeerbaarIntegrationTest
class TelecomDownTest extends BurgerhulpTestSupport {

    @Test
    void withoutPhonesOnlyVolunteersPresentAtTheNspAreAskedThereInPerson() throws Exception {
        String id = playAndPause();
        register(id, "v-1", 0.2, "first-aid", "transport-bike").andExpect(status().isAccepted());
        register(id, "v-2", 1.0, "first-aid").andExpect(status().isAccepted());
        awaitVolunteersInModel(id, 2);

        // v-2 reports in at Heesch (a coordinator records it); v-1 may only report for itself
        send(id, "/volunteers/v-2/presence", VOLUNTEER_V1, "{\"nspId\":\"nsp-heesch\",\"present\":true}")
                .andExpect(status().isForbidden());
        send(id, "/volunteers/v-2/presence", COORDINATOR, "{\"nspId\":\"nsp-nergens\",\"present\":true}")
                .andExpect(status().isNotFound());
        send(id, "/volunteers/v-2/presence", COORDINATOR, "{\"present\":true}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Geef aan bij welk noodsteunpunt (nspId) de "
                        + "burgerhulpverlener zich meldt."));
        send(id, "/volunteers/v-2/presence", COORDINATOR, "{\"nspId\":\"nsp-heesch\",\"present\":true}")
                .andExpect(status().isAccepted());
        awaitModel(id, m -> "nsp-heesch".equals(m.volunteers.get("v-2").presentAt));
        await().atMost(PATIENCE).until(() -> "nsp-heesch".equals(volunteers.find(id, "v-2").orElseThrow()
                .presentAt()));
        send(id, "/volunteers/v-2/presence", COORDINATOR, "{\"nspId\":\"nsp-heesch\",\"present\":true}")
                .andExpect(status().isConflict());

        // the phones fail at T+2:00
        jumpMinutes(id, (int) ((2 * 3600 + 5 * 60 - now(id)) / 60));
        await().atMost(PATIENCE).until(() -> !events(id, EventType.REACHABILITY_CHANGED, ReachabilityChanged.class)
                .isEmpty());
        ReachabilityChanged down = events(id, EventType.REACHABILITY_CHANGED, ReachabilityChanged.class).getFirst();
        assertThat(down.mode()).isEqualTo(ReachabilityChanged.NSP_ONLY);
        assertThat(down.message().nl()).contains("alleen burgerhulpverleners op een noodsteunpunt");
        await().atMost(PATIENCE).until(() -> json(getAs("/api/exercises/" + id + "/burgerhulp", CRISIS_TEAM))
                .path("reachabilityMode").asText().equals(ReachabilityChanged.NSP_ONLY));

        String atHeesch = openFirstAid(id, "nsp-heesch");
        HelpRequestView heesch = awaitRequest(id, atHeesch, r -> !r.offers.isEmpty());
        assertThat(heesch.offers).singleElement().satisfies(o -> {
            assertThat(o.volunteerId()).isEqualTo("v-2");
            assertThat(o.channel()).isEqualTo(HelpOffered.AT_NSP);
            assertThat(o.distanceKm()).isZero();
        });
        String atNistelrode = openFirstAid(id, "nsp-nistelrode");
        HelpRequestView nistelrode = awaitRequest(id, atNistelrode,
                r -> HelpRequestView.ESCALATED.equals(r.status));
        assertThat(nistelrode.escalationReason).isEqualTo("no-volunteer");

        // v-2 goes home; the mobile network is back at T+3:00 and volunteers are phoned again
        send(id, "/volunteers/v-2/presence", COORDINATOR, "{\"present\":false}").andExpect(status().isAccepted());
        jumpMinutes(id, (int) ((3 * 3600 + 5 * 60 - now(id)) / 60));
        await().atMost(PATIENCE).until(() -> events(id, EventType.REACHABILITY_CHANGED, ReachabilityChanged.class)
                .size() == 2);
        assertThat(events(id, EventType.REACHABILITY_CHANGED, ReachabilityChanged.class).get(1).mode())
                .isEqualTo(ReachabilityChanged.PHONE);
        String again = openFirstAid(id, "nsp-heesch");
        HelpRequestView byPhone = awaitRequest(id, again, r -> r.offers.size() == 2);
        assertThat(byPhone.offers).extracting(OfferView::channel).containsOnly(HelpOffered.BY_PHONE);
        assertThat(byPhone.offers).extracting(OfferView::volunteerId).containsExactlyInAnyOrder("v-1", "v-2");

        List<VolunteerPresenceChanged> presence = events(id, EventType.VOLUNTEER_PRESENCE_CHANGED,
                VolunteerPresenceChanged.class);
        assertThat(presence).extracting(VolunteerPresenceChanged::present).containsExactly(true, false);
        assertThat(presence).extracting(VolunteerPresenceChanged::by).containsOnly("coordinator");
    }

    private String openFirstAid(String exerciseId, String nspId) throws Exception {
        return json(send(exerciseId, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"nspId\":\"" + nspId
                + "\"}").andExpect(status().isAccepted())).path("requestId").asText();
    }
}
