package nl.weerbaar.noodsteunpunt.simulation;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.noodsteunpunt.NspSituationReported;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.ResupplyRequested;
import nl.weerbaar.contracts.noodsteunpunt.SuppliesDelivered;
import nl.weerbaar.kit.test.TestAuth;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NspTestSupport;
import nl.weerbaar.noodsteunpunt.nsp.NspView;
import org.junit.jupiter.api.Test;

/**
 * The default Bernheze scenario through the three real services: outage-timeline fails the grid, vital-status
 * publishes it, and the noodsteunpunten open by policy an hour later, take in the population, report every hour,
 * burn generator fuel and ask for more in time.
 */
@WeerbaarIntegrationTest
class DefaultScenarioNspTest extends NspTestSupport {

    private static final List<String> NSPS = List.of("nsp-bernheze-coordinerend", "nsp-heesch",
            "nsp-heeswijk-dinther", "nsp-loosbroek", "nsp-nistelrode", "nsp-vinkel", "nsp-vorstenbosch");

    @Test
    void theOutageOpensEveryNspByPolicyAndThePopulationComesIn() throws Exception {
        String id = play("bernheze-stroomuitval", 600);
        await().atMost(PATIENCE).until(() -> views.all(id).size() == NSPS.size());
        assertThat(views.all(id)).extracting(v -> v.nsp().id()).containsExactlyElementsOf(NSPS);
        NSPS.forEach(nsp -> awaitState(id, nsp, NspState.OPEN));

        List<NspStateChanged> heesch = views.history(id, "nsp-heesch");
        assertThat(heesch).extracting(NspStateChanged::state).containsExactly(NspState.OPENING, NspState.OPEN);
        NspStateChanged opening = heesch.getFirst();
        assertThat(opening.trigger()).isEqualTo("policy");
        // the grid failed at T+0:00 and 112 at about T+2:36: whichever of their status events the NSPs saw first
        // opened them, an hour after the power or half an hour after 112 went down (both come from vital-status,
        // on different partitions)
        if (opening.reason().equals("power-down")) {
            assertThat(opening.atSeconds()).isEqualTo(3600);
            assertThat(opening.message().nl()).contains("de stroom is in Heesch al 1 uur uit");
        } else {
            assertThat(opening.reason()).isEqualTo("emergency-number-down");
            assertThat(opening.atSeconds()).isBetween(2 * 3600 + 30 * 60L, 4 * 3600 + 30 * 60L);
            assertThat(opening.message().nl()).contains("112 is al 30 minuten onbereikbaar");
        }
        assertThat(heesch.get(1).atSeconds()).isEqualTo(opening.atSeconds() + 30 * 60);

        // a day on: households came in, reports every hour, fuel asked for at six hours left and delivered
        timelineCommand("/api/exercises/" + id + "/jump", "{\"toSeconds\":86400}").andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> events(id, EventType.SUPPLIES_DELIVERED, SuppliesDelivered.class)
                .stream().anyMatch(d -> d.nspId().equals("nsp-heesch") && d.fuelHours() > 0));

        List<ResupplyRequested> fuel = events(id, EventType.RESUPPLY_REQUESTED, ResupplyRequested.class).stream()
                .filter(r -> r.nspId().equals("nsp-heesch") && r.item().equals("fuel")).toList();
        assertThat(fuel).singleElement().satisfies(r -> {
            // the generator runs from opening at T+1:00; 24 hours of fuel, asked for at a quarter left
            // (from the moment the NSP knows its kern is dark, which is at opening when the power opened it)
            if (opening.reason().equals("power-down")) {
                assertThat(r.atSeconds()).isEqualTo(opening.atSeconds() + 18 * 3600);
            } else {
                assertThat(r.atSeconds()).isGreaterThanOrEqualTo(opening.atSeconds() + 18 * 3600);
            }
            assertThat(r.remaining()).isEqualTo(6.0);
            assertThat(r.requested()).isEqualTo(18.0);
        });
        SuppliesDelivered delivered = events(id, EventType.SUPPLIES_DELIVERED, SuppliesDelivered.class).stream()
                .filter(d -> d.nspId().equals("nsp-heesch") && d.fuelHours() > 0).findFirst().orElseThrow();
        assertThat(delivered.atSeconds()).isEqualTo(fuel.getFirst().atSeconds() + 4 * 3600);
        assertThat(delivered.requestId()).isEqualTo(fuel.getFirst().requestId());
        assertThat(delivered.source()).isEqualTo("logistics");

        List<CitizenCheckedIn> arrivals = events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class);
        assertThat(arrivals).as("check-ins; households unserved: %s; model: %s",
                events(id, EventType.HOUSEHOLD_UNSERVED, HouseholdUnserved.class).stream()
                        .map(u -> u.reason() + "@" + u.atSeconds()).toList(),
                models.model(id).map(m -> "now " + m.now + ", pending " + (m.pending.size() - m.pendingHead) + ", sites "
                        + m.sites.values().stream().map(x -> x.nsp.id() + ":" + x.state + ":" + x.occupancy).toList())
                        .orElse("none"))
                .isNotEmpty().allSatisfy(in -> {
            assertThat(in.source()).isEqualTo("population");
            assertThat(in.atSeconds()).isGreaterThanOrEqualTo(opening.atSeconds() + 30 * 60);
        });
        assertThat(arrivals).anySatisfy(in -> assertThat(in.nspId()).isEqualTo("nsp-heesch"));
        List<NspSituationReported> reports = events(id, EventType.NSP_SITUATION_REPORTED, NspSituationReported.class)
                .stream().filter(r -> r.nspId().equals("nsp-heesch")).toList();
        assertThat(reports).extracting(NspSituationReported::atSeconds).contains(5 * 3600L, 12 * 3600L, 20 * 3600L);
        assertThat(reports).anySatisfy(r -> assertThat(r.occupancy()).isPositive());
        assertThat(events(id, EventType.HELP_REQUESTED, HelpRequested.class)).isNotEmpty().allSatisfy(h ->
                assertThat(h.need()).isIn("first-aid", "medication", "transport", "check-on-person"));

        // the read model counts the people present from the check-ins
        await().atMost(PATIENCE).until(() -> views.find(id, "nsp-heesch").map(NspView::stock).isPresent());
        String body = mvc.perform(get("/api/exercises/" + id + "/nsps").with(token(CRISIS_TEAM)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(json(body)).hasSize(7);
        assertThat(json(body).findValues("occupancy").stream().mapToInt(n -> n.asInt()).sum()).isPositive();
        // and Prometheus sees the same figures
        String metrics = mvc.perform(get("/actuator/prometheus").with(token(TestAuth.MONITOR))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(metrics).containsPattern("weerbaar_nsp_occupancy\\{[^}]*exercise=\"" + id + "\",nsp=\"nsp-heesch\"} [0-9]")
                .containsPattern("weerbaar_nsp_capacity\\{[^}]*exercise=\"" + id + "\",nsp=\"nsp-heesch\"} 300")
                .contains("weerbaar_nsp_help_requests_total");
    }
}
