package nl.weerbaar.vitalstatus.simulation;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.vitalstatus.VitalTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default Bernheze scenario, played in full by the real outage-timeline: the cascade the seed table describes
 * comes out of the simulation on scenario time.
 */
@WeerbaarIntegrationTest
class DefaultScenarioCascadeTest extends VitalTestSupport {

    private static final long H = 3600;
    private static String exercise;

    @BeforeEach
    void playTheDefaultScenarioOnce() throws Exception {
        if (exercise == null) {
            exercise = play("bernheze-stroomuitval", 1_000_000);
            awaitSimulationEnded(exercise);
        }
    }

    @Test
    void everySectorOfTheSeedTableHasAProviderAndEveryRecordKeepsItsContract() {
        List<String> sectors = views.all(exercise).stream().map(v -> v.provider().sector()).distinct().toList();
        assertThat(sectors).contains("netbeheer", "gas", "drinkwater", "waterschap", "wegen", "vaarwegen", "spoor",
                "telecom", "ghor", "meldkamer", "brandstof", "politie", "brandweer", "bevolkingszorg");
        assertThat(vitalRecords(exercise)).extracting(r -> r.type()).contains(
                EventType.PROVIDER_REGISTERED.type(), EventType.PROVIDER_STATUS_CHANGED.type(),
                EventType.VITAL_ALERT_RAISED.type());
    }

    @Test
    void mobileTelecomRunsOnBatteriesThenFailsInTheTwoToFourHourBand() {
        List<ProviderStatusChanged> mobile = statuses(exercise, "mobiel-netwerk");
        assertThat(mobile.get(0).state()).isEqualTo(ProviderState.ON_BACKUP);
        assertThat(mobile.get(0).atSeconds()).isZero();
        ProviderStatusChanged down = mobile.get(1);
        assertThat(down.state()).isEqualTo(ProviderState.DOWN);
        assertThat(down.atSeconds()).isBetween(2 * H, 4 * H - 1);
        assertThat(down.source()).isEqualTo(StatusSource.SIMULATION);
        assertThat(down.causeChain()).extracting(c -> c.providerId() + ":" + c.reason())
                .containsExactly("enexis-net:inject", "mobiel-netwerk:on-backup", "mobiel-netwerk:backup-exhausted");
        assertThat(down.cause().en()).startsWith("down: Enexis Netbeheer down at T+0:00 (inject stroomuitval)")
                .contains("backup exhausted at T+" + down.atSeconds() / H + ":");
        assertThat(down.cause().nl()).startsWith("uitgevallen: ");
    }

    @Test
    void emergencyNumberBecomesUnreachableWhenMobileFailsAndRaisesAnAlert() {
        long mobileDown = statuses(exercise, "mobiel-netwerk").get(1).atSeconds();
        ProviderStatusChanged down = statuses(exercise, "alarmnummer-112").stream()
                .filter(s -> s.state() == ProviderState.DOWN).findFirst().orElseThrow();
        // fixed telephony fails at T+0:05, but 112 still runs over the mobile network until that fails too
        assertThat(down.atSeconds()).isEqualTo(mobileDown);
        assertThat(down.causeChain()).last().extracting(c -> c.reason()).isEqualTo("dependency-down");
        assertThat(alerts(exercise)).filteredOn(a -> a.kind().equals(VitalAlertRaised.EMERGENCY_NUMBER_DOWN))
                .extracting(VitalAlertRaised::providerId, VitalAlertRaised::atSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alarmnummer-112", mobileDown));
    }

    @Test
    void hospitalRunsOnItsGeneratorIsWarnedBeforeFuelRunsOutAndRefuellingBuysTime() {
        List<ProviderStatusChanged> hospital = statuses(exercise, "ziekenhuis-bernhoven");
        assertThat(hospital.get(0).state()).isEqualTo(ProviderState.ON_BACKUP);
        assertThat(hospital.get(0).backupRemainingHours()).isEqualTo(12.0);
        // 12 h of fuel from T+0; the refuel at T+10:30 adds 12 h to the 1.5 h left: empty at T+24:00
        ProviderStatusChanged down = hospital.stream().filter(s -> s.state() == ProviderState.DOWN).findFirst()
                .orElseThrow();
        assertThat(down.atSeconds()).isEqualTo(24 * H);
        assertThat(hospital).anyMatch(s -> s.causeChain().getLast().reason().equals("refuelled")
                && s.atSeconds() == 10 * H + 1800 && s.backupRemainingHours() == 13.5);
        List<VitalAlertRaised> low = alerts(exercise).stream().filter(a -> a.providerId().equals("ziekenhuis-bernhoven")
                && a.kind().equals(VitalAlertRaised.BACKUP_LOW)).toList();
        assertThat(low).extracting(VitalAlertRaised::atSeconds).containsExactly(10 * H, 22 * H);
        assertThat(low).allMatch(a -> a.atSeconds() < down.atSeconds() && a.backupRemainingHours() == 2.0);
        assertThat(alerts(exercise)).anyMatch(a -> a.kind().equals(VitalAlertRaised.VULNERABLE_SITE_DOWN)
                && a.providerId().equals("ziekenhuis-bernhoven") && a.atSeconds() == 24 * H);
    }

    @Test
    void everyAlertEndsWhenItsConditionEndsAndTheCrisisTeamSeesWhich() throws Exception {
        List<VitalAlertResolved> resolved = resolvedAlerts(exercise);
        // the refuel at T+10:30 ends the first backup-low; power back at T+64 ends the second and the down alerts
        assertThat(resolved).filteredOn(r -> r.providerId().equals("ziekenhuis-bernhoven"))
                .extracting(VitalAlertResolved::alertId, VitalAlertResolved::reason, VitalAlertResolved::atSeconds)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("backup-low-ziekenhuis-bernhoven-36000",
                                VitalAlertResolved.REFUELLED, 10 * H + 1800),
                        org.assertj.core.groups.Tuple.tuple("backup-low-ziekenhuis-bernhoven-79200",
                                VitalAlertResolved.POWER_RESTORED, 64 * H),
                        org.assertj.core.groups.Tuple.tuple("vulnerable-site-down-ziekenhuis-bernhoven-86400",
                                VitalAlertResolved.WORKING_AGAIN, 64 * H));
        assertThat(resolved).anyMatch(r -> r.kind().equals(VitalAlertRaised.EMERGENCY_NUMBER_DOWN)
                && r.atSeconds() == 64 * H && r.message().nl().contains("112 weer bereikbaar"));
        // the scenario ends with the power back everywhere: no alert is left open, and the API says so
        assertThat(resolved).extracting(VitalAlertResolved::alertId)
                .containsExactlyInAnyOrderElementsOf(alerts(exercise).stream().map(VitalAlertRaised::alertId).toList());
        org.awaitility.Awaitility.await().untilAsserted(() -> {
            List<String> statuses = new java.util.ArrayList<>();
            json(mvc.perform(get("/api/exercises/" + exercise + "/alerts").with(token(CRISIS_TEAM)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                    .forEach(a -> statuses.add(a.path("status").asText() + "@" + a.path("resolvedAtSeconds").asLong()));
            assertThat(statuses).hasSize(alerts(exercise).size()).contains("resolved@" + (10 * H + 1800))
                    .allMatch(st -> st.startsWith("resolved@"));
        });
    }

    @Test
    void powerReturnsInTheGridOperatorsStagesThreeTwoOne() {
        assertThat(restoredAt(exercise, "zorgcentrum-heesch")).isEqualTo(48 * H);   // stage 3: Heesch
        assertThat(restoredAt(exercise, "tankstations")).isEqualTo(56 * H);         // stage 2: all its kernen lit
        assertThat(restoredAt(exercise, "ziekenhuis-bernhoven")).isEqualTo(64 * H); // stage 1: the whole grid
        assertThat(restoredAt(exercise, "alarmnummer-112")).isEqualTo(64 * H);
        List<ProviderStatusChanged> grid = statuses(exercise, "enexis-net");
        assertThat(grid).extracting(ProviderStatusChanged::state, ProviderStatusChanged::atSeconds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProviderState.DOWN, 0L),
                org.assertj.core.groups.Tuple.tuple(ProviderState.DEGRADED, 48 * H),
                // stage 2 leaves the grid degraded, with fewer dark places: published, so every service hears it
                org.assertj.core.groups.Tuple.tuple(ProviderState.DEGRADED, 56 * H),
                org.assertj.core.groups.Tuple.tuple(ProviderState.RESTORED, 64 * H));
        assertThat(grid.get(1).affectedPlaces()).containsExactly("heeswijk-dinther", "nistelrode", "vorstenbosch",
                "loosbroek", "vinkel");
        assertThat(grid.get(2).affectedPlaces()).containsExactly("vorstenbosch", "loosbroek", "vinkel");
    }

    @Test
    void theCrisisTeamReadsStatusesHistoryAndSectorSummary() throws Exception {
        mvc.perform(get("/api/exercises/" + exercise + "/sectors").with(token(CRISIS_TEAM)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[?(@.sector=='telecom')].restored").value(org.hamcrest.Matchers.contains(4)));
        String history = mvc.perform(get("/api/exercises/" + exercise + "/providers/mobiel-netwerk/history")
                .with(token(CRISIS_TEAM))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> states = new java.util.ArrayList<>();
        json(history).forEach(entry -> states.add(entry.path("state").asText()));
        assertThat(states).containsExactly("on-backup", "down", "restored");
        mvc.perform(get("/api/exercises/" + exercise + "/providers/onbekend").with(token(CRISIS_TEAM)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/exercises/" + exercise + "/providers")).andExpect(status().isUnauthorized());
    }


}
