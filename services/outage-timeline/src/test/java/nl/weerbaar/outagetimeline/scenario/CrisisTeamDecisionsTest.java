package nl.weerbaar.outagetimeline.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.exercise.PopulationDemand.PlaceDemand;
import nl.weerbaar.contracts.scenario.Household;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.scenario.Volunteer;
import org.junit.jupiter.api.Test;

/**
 * The crisis team's public warnings and appeals for volunteers in the default scenario's population model and
 * volunteer pool: a warning changes who comes to a noodsteunpunt from the hour after it, in the places warned only;
 * an appeal brings as many volunteers as asked, an hour later, the same ones every time.
 */
class CrisisTeamDecisionsTest {

    private static final Scenario BERNHEZE = CircumstancesTest.bernheze();

    private static Decision warning(String advice, long at, String... places) {
        return new Decision("oef-1", "besluit-" + advice, DecisionKind.PUBLIC_WARNING, null, null, List.of(places),
                null, null, null, advice, Text.of("Stroomstoring", "Power outage"), "waarom", "crisisteam", at);
    }

    @Test
    void aWarningChangesWhoComesToANoodsteunpuntInThePlacesWarnedFromTheNextHourOn() {
        int hour = 5;
        Map<String, PlaceDemand> before = demand(hour, CrisisTeamDecisions.none());
        // taken at T+4:30: hour 5 (from T+5:00) answers it; hour 4 had begun already
        Map<String, PlaceDemand> come = demand(hour, new CrisisTeamDecisions(List.of(warning(Decision.COME_TO_NSP,
                4 * 3600 + 1800, "heesch"))));
        Map<String, PlaceDemand> stay = demand(hour, new CrisisTeamDecisions(List.of(warning(Decision.STAY_HOME,
                4 * 3600 + 1800, "heesch"))));
        assertThat(demand(4, new CrisisTeamDecisions(List.of(warning(Decision.COME_TO_NSP, 4 * 3600 + 1800,
                "heesch"))))).isEqualTo(demand(4, CrisisTeamDecisions.none()));

        List<String> usual = ids(before.get("heesch").arrivals());
        assertThat(ids(come.get("heesch").arrivals())).hasSizeGreaterThan(usual.size())
                .containsAll(usual.stream().filter(id -> !onlyInformation(before.get("heesch"), id)).toList());
        assertThat(ids(stay.get("heesch").arrivals())).hasSizeLessThan(usual.size());
        assertThat(usual).containsAll(ids(stay.get("heesch").arrivals()));
        // who needed only information has it from the warning and stays home
        assertThat(come.get("heesch").arrivals()).noneMatch(h -> h.needs().equals(List.of("information")));
        // the same households in need either way; other places as they were
        assertThat(come.get("heesch").householdsInNeed()).isEqualTo(before.get("heesch").householdsInNeed());
        assertThat(come.get("nistelrode")).isEqualTo(before.get("nistelrode"));
        assertThat(stay.get("vinkel")).isEqualTo(before.get("vinkel"));
    }

    @Test
    void anAppealBringsAsManyVolunteersAsAskedAnHourLaterTheSameOnesEveryTime() {
        Decision appeal = new Decision("oef-1", "besluit-oproep-1", DecisionKind.EXTRA_VOLUNTEERS, null, null,
                List.of("heesch", "vinkel"), 40, null, null, null, null, "te weinig handen", "crisisteam", 2 * 3600 + 600);
        CrisisTeamDecisions decided = new CrisisTeamDecisions(List.of(appeal));
        assertThat(volunteers(2, decided)).isEqualTo(volunteers(2, CrisisTeamDecisions.none()));
        List<Volunteer> usual = volunteers(3, CrisisTeamDecisions.none());
        List<Volunteer> with = volunteers(3, decided);
        List<Volunteer> extra = with.stream().filter(v -> !usual.contains(v)).toList();
        assertThat(with).containsAll(usual);
        assertThat(extra).hasSize(40).allSatisfy(v -> {
            assertThat(v.placeId()).isIn("heesch", "vinkel");
            assertThat(v.id()).matches("v-(heesch|vinkel)-xoproep-1-\\d+");
        });
        // spread by inhabitants: Heesch (13,500) gets far more than Vinkel (1,000)
        Map<String, Long> byPlace = extra.stream().collect(Collectors.groupingBy(Volunteer::placeId,
                Collectors.counting()));
        assertThat(byPlace.get("heesch")).isGreaterThan(byPlace.get("vinkel") * 4);
        assertThat(volunteers(3, decided)).isEqualTo(with);
        assertThat(volunteers(4, decided)).isEqualTo(volunteers(4, CrisisTeamDecisions.none()));
    }

    private static boolean onlyInformation(PlaceDemand demand, String id) {
        return demand.arrivals().stream().anyMatch(h -> h.ref().equals(id) && h.needs().equals(List.of("information")));
    }

    private static List<String> ids(List<Household> households) {
        return households.stream().map(Household::ref).toList();
    }

    private static Map<String, PlaceDemand> demand(int hour, CrisisTeamDecisions decided) {
        return PopulationSimulation.hour(BERNHEZE, "oef-1", 7, hour, decided).orElseThrow().places().stream()
                .collect(Collectors.toMap(PlaceDemand::placeId, Function.identity()));
    }

    private static List<Volunteer> volunteers(int hour, CrisisTeamDecisions decided) {
        return VolunteerPoolSimulation.hour(BERNHEZE, "oef-1", 7, hour, decided)
                .map(v -> v.volunteers()).orElse(List.of());
    }
}
