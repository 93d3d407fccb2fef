package nl.weerbaar.noodsteunpunt.simulation;

import nl.weerbaar.kit.model.Emitted;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.FAR;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.HEESCH;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.NEAR;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.NISTELRODE;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.RULES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.ResupplyRequested;
import nl.weerbaar.contracts.scenario.Household;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderState;
import org.junit.jupiter.api.Test;

/** The NSP model on its own: opening and closing policy, overflow to the nearest NSP with room, stays. */
class NspModelTest {


    private final List<Object> published = new ArrayList<>();

    private NspModel darkAtZero() {
        return darkAtZero(published);
    }

    private static NspModel darkAtZero(List<Object> published) {
        // the provider's status may come before the scenario: both reach the model
        NspModel model = new NspModel("oef-1");
        model.providerRegistered("enexis-net", "netbeheer", List.of("heesch", "nistelrode"), Provider.GRID);
        model.providerStatus("enexis-net", "netbeheer", ProviderState.DOWN, List.of(), 0, RULES)
                .forEach(e -> published.add(e.payload()));
        model.load(0, List.of(HEESCH, NISTELRODE), List.of(NEAR, FAR), RULES).forEach(e -> published.add(e.payload()));
        return model;
    }

    @Test
    void anNspOpensAnHourAfterThePowerFailsInItsPlaceAndIsOpenHalfAnHourLater() {
        NspModel model = darkAtZero();
        collect(model.advanceTo(3599, RULES));
        assertThat(states()).isEmpty();
        collect(model.advanceTo(7200, RULES));
        assertThat(states()).extracting(NspStateChanged::nspId, NspStateChanged::state, NspStateChanged::atSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nsp-heesch", NspState.OPENING, 3600L),
                        org.assertj.core.groups.Tuple.tuple("nsp-nistelrode", NspState.OPENING, 3600L),
                        org.assertj.core.groups.Tuple.tuple("nsp-heesch", NspState.OPEN, 5400L),
                        org.assertj.core.groups.Tuple.tuple("nsp-nistelrode", NspState.OPEN, 5400L));
    }

    @Test
    void theSameInputsGiveTheSameEventsWhateverTheTicks() {
        NspModel once = darkAtZero();
        List<Emitted> big = new ArrayList<>(once.demand(7200, 10800, Map.of("heesch", households(8)), RULES));
        big.addAll(once.advanceTo(30000, RULES));
        NspModel ticked = darkAtZero();
        List<Emitted> small = new ArrayList<>(ticked.demand(7200, 10800, Map.of("heesch", households(8)), RULES));
        for (long t = 7200; t <= 30000; t += 300) {
            small.addAll(ticked.advanceTo(t, RULES));
        }
        assertThat(small).extracting(Emitted::payload).isEqualTo(big.stream().map(Emitted::payload).toList());
    }

    @Test
    void householdsGoToTheNearestOpenNspWithRoomAndTheOverflowIsVisible() {
        NspModel model = darkAtZero();
        model.advanceTo(5400, RULES);
        // eight households of two: five fit in Heesch (10), three overflow to Nistelrode (6), the rest has no place
        collect(model.demand(7200, 10800, Map.of("heesch", households(9)), RULES));
        collect(model.advanceTo(10800, RULES));
        List<CitizenCheckedIn> ins = published(CitizenCheckedIn.class);
        assertThat(ins).extracting(CitizenCheckedIn::nspId).containsExactly("nsp-heesch", "nsp-heesch",
                "nsp-heesch", "nsp-heesch", "nsp-heesch", "nsp-nistelrode", "nsp-nistelrode", "nsp-nistelrode");
        assertThat(ins.subList(0, 5)).allSatisfy(in -> assertThat(in.redirectedFrom()).isNull());
        assertThat(ins.subList(5, 8)).allSatisfy(in -> assertThat(in.redirectedFrom()).isEqualTo("nsp-heesch"));
        assertThat(published(HouseholdUnserved.class)).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(HouseholdUnserved.ALL_FULL));
        assertThat(states()).extracting(NspStateChanged::state).contains(NspState.FULL);
    }

    @Test
    void householdsArrivingBeforeAnyNspIsOpenAreUnservedAndThoseWhoCameLeaveAfterTheirStay() {
        NspModel model = darkAtZero();
        collect(model.demand(0, 3600, Map.of("heesch", households(1)), RULES));
        collect(model.advanceTo(3600, RULES));
        assertThat(published(HouseholdUnserved.class)).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(HouseholdUnserved.NO_OPEN_NSP));
        collect(model.demand(7200, 10800, Map.of("heesch", List.of(new Household("heesch-u2-9", 2,
                List.of("water"), false, "5384"))), RULES));
        collect(model.advanceTo(7 * 3600, RULES));
        CitizenCheckedIn in = published(CitizenCheckedIn.class).getFirst();
        CitizenCheckedOut out = published(CitizenCheckedOut.class).getFirst();
        assertThat(out.checkInId()).isEqualTo(in.checkInId());
        // water only: a stay of one hour, give or take half an hour
        assertThat(out.atSeconds() - in.atSeconds()).isBetween(1800L, 5400L);
        assertThat(model.sites.get("nsp-heesch").occupancy).isZero();
    }

    @Test
    void anNspThePolicyOpenedClosesTwoHoursAfterThePowerReturnsAndSendsTheRemainingPeopleHome() {
        NspModel model = darkAtZero();
        model.advanceTo(5400, RULES);
        collect(model.demand(7200, 10800, Map.of("heesch", List.of(new Household("heesch-u2-1", 3,
                List.of("shelter"), true, "5384"))), RULES));
        collect(model.providerStatus("enexis-net", "netbeheer", ProviderState.RESTORED, List.of(), 20000, RULES));
        collect(model.advanceTo(30000, RULES));
        assertThat(states()).filteredOn(s -> s.nspId().equals("nsp-heesch"))
                .extracting(NspStateChanged::state, NspStateChanged::reason, NspStateChanged::atSeconds)
                .last().isEqualTo(org.assertj.core.groups.Tuple.tuple(NspState.CLOSED, "power-restored", 27200L));
        assertThat(published(CitizenCheckedOut.class)).singleElement()
                .satisfies(out -> assertThat(out.reason()).isEqualTo(CitizenCheckedOut.NSP_CLOSED));
    }

    @Test
    void householdsOfAPlaceWhosePowerIsBackStayHomeInsteadOfCountingAsUnserved() {
        NspModel model = darkAtZero();
        collect(model.providerStatus("enexis-net", "netbeheer", ProviderState.RESTORED, List.of(), 20000, RULES));
        collect(model.advanceTo(30000, RULES));
        published.clear();
        // the population model still sends Heesch's households of this hour, after its NSPs have closed
        collect(model.demand(36000, 39600, Map.of("heesch", households(4)), RULES));
        collect(model.advanceTo(39600, RULES));
        assertThat(published(HouseholdUnserved.class)).isEmpty();
        assertThat(published(CitizenCheckedIn.class)).isEmpty();
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(NspTexts.opening("Noodsteunpunt Heesch", "power-down", "Heesch", 60)).isEqualTo(Text.of(
                "Noodsteunpunt Heesch gaat open: de stroom is in Heesch al 1 uur uit.",
                "Noodsteunpunt Heesch is opening: power has been out in Heesch for 1 hour."));
        assertThat(NspTexts.durationNl(30)).isEqualTo("30 minuten");
        assertThat(NspTexts.durationNl(90)).isEqualTo("1 uur en 30 minuten");
        assertThat(NspTexts.durationEn(150)).isEqualTo("2 hours and 30 minutes");
    }

    @Test
    void waterHandedOutToOperatorsCheckInsRunsTheStockDownToARequest() {
        NspModel model = darkAtZero();
        model.advanceTo(5400, RULES);
        // 10 places x 7 litres = 70; a household of 5 with the water need takes a day's 17.5 litres; low at 17.5
        for (int i = 0; i < 3; i++) {
            collect(model.operatorCheckIn(new CitizenCheckedIn("oef-1", "nsp-heesch", "desk-" + i, 5,
                    List.of("water"), false, "5384", null, CitizenCheckedIn.FROM_OPERATOR, null, null, null, 5400),
                    RULES));
            collect(model.operatorCheckOut("nsp-heesch", "desk-" + i, 5400, RULES));
        }
        assertThat(published(ResupplyRequested.class)).singleElement().satisfies(r -> {
            assertThat(r.item()).isEqualTo("water");
            assertThat(r.remaining()).isEqualTo(17.5);
        });
    }

    @Test
    void with112PerPartOfTheRegionOnlyThePartWhere112FailsOpensItsNsps() {
        // the power is on; 112 fails in Heesch only (its own provider there), as in a telecom outage
        NspModel model = new NspModel("oef-1");
        model.providerRegistered("112-heesch", "meldkamer", List.of("heesch"), Provider.EMERGENCY_NUMBER);
        model.providerRegistered("112-nistelrode", "meldkamer", List.of("nistelrode"), Provider.EMERGENCY_NUMBER);
        collect(model.load(0, List.of(HEESCH, NISTELRODE), List.of(NEAR, FAR), RULES));
        collect(model.providerStatus("112-heesch", "meldkamer", ProviderState.DOWN, List.of(), 600, RULES));
        collect(model.advanceTo(6 * 3600, RULES));
        assertThat(states()).extracting(NspStateChanged::nspId, NspStateChanged::state, NspStateChanged::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nsp-heesch", NspState.OPENING, "emergency-number-down"),
                        org.assertj.core.groups.Tuple.tuple("nsp-heesch", NspState.OPEN, "opening-done"));
        assertThat(states().getFirst().atSeconds()).isEqualTo(600 + RULES.emergencyDownMinutes() * 60L);
    }

    @Test
    void whereTheTapIsDryHouseholdsThatComeNeedWaterForTheShareAffected() {
        // high-rise in Heesch: half of its households without water pressure
        List<List<String>> needs = arrivingNeeds(0.5, "u2");
        assertThat(needs).hasSize(40).allMatch(n -> n.contains("shelter"));
        long thirsty = needs.stream().filter(n -> n.contains("water")).count();
        assertThat(thirsty).as("about half, chosen by household").isBetween(10L, 30L);
        // the same households every time: the choice follows from their reference
        assertThat(arrivingNeeds(0.5, "u2")).isEqualTo(needs);
        // all of them when the water is out for everyone; nobody without the share's households when it is back
        assertThat(arrivingNeeds(null, "u2")).allMatch(n -> n.contains("water"));
        assertThat(arrivingNeeds(0.0001, "u2")).noneMatch(n -> n.contains("water"));
    }

    /** What 40 households from Heesch come with to an NSP while the water is out there for {@code share}. */
    private static List<List<String>> arrivingNeeds(Double share, String hour) {
        NspModel model = darkAtZero(new ArrayList<>());
        model.providerRegistered("water", "drinkwater", List.of("heesch", "nistelrode"), Provider.DRINKING_WATER);
        List<Emitted> out = new ArrayList<>(model.providerStatus("water", "drinkwater", ProviderState.DEGRADED,
                List.of("heesch"), share, 3600, RULES));
        out.addAll(model.advanceTo(5400, RULES));
        out.addAll(model.demand(5400, 9000, Map.of("heesch", IntStream.rangeClosed(1, 40).mapToObj(i ->
                new Household("heesch-" + hour + "-" + i, 1, List.of("shelter"), false, "5384")).toList()), RULES));
        out.addAll(model.advanceTo(9000, RULES));
        return out.stream().map(Emitted::payload).<List<String>>mapMulti((p, sink) -> {
            if (p instanceof CitizenCheckedIn in) {
                sink.accept(in.needs());
            } else if (p instanceof HouseholdUnserved u) {
                sink.accept(u.needs());
            }
        }).toList();
    }

    private static Decision decision(DecisionKind kind, String nspId, long at) {
        return new Decision("oef-1", "besluit-" + kind.wire(), kind, nspId, null, null, null, null, null, null, null,
                "waarom", "crisisteam", at);
    }

    @Test
    void theCrisisTeamOpensAnNspAheadOfThePolicyAndClosesAnotherWhoseVisitorsGoHome() {
        NspModel model = darkAtZero();
        // at T+0:20, forty minutes before the policy would: opening now, open after the opening time
        collect(model.decision(decision(DecisionKind.OPEN_NSP, "nsp-heesch", 1200), 1200, RULES));
        assertThat(states()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(NspState.OPENING);
            assertThat(s.trigger()).isEqualTo(NspStateChanged.BY_DECISION);
            assertThat(s.by()).isEqualTo("crisisteam");
            assertThat(s.message().nl()).contains("besluit van het crisisteam");
        });
        collect(model.advanceTo(7200, RULES));
        assertThat(states()).extracting(NspStateChanged::nspId, NspStateChanged::state, NspStateChanged::atSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nsp-heesch", NspState.OPENING, 1200L),
                        org.assertj.core.groups.Tuple.tuple("nsp-heesch", NspState.OPEN, 3000L),
                        org.assertj.core.groups.Tuple.tuple("nsp-nistelrode", NspState.OPENING, 3600L),
                        org.assertj.core.groups.Tuple.tuple("nsp-nistelrode", NspState.OPEN, 5400L));
        // opening it again changes nothing
        int before = states().size();
        collect(model.decision(decision(DecisionKind.OPEN_NSP, "nsp-heesch", 7200), 7200, RULES));
        assertThat(states()).hasSize(before);

        collect(model.demand(7200, 10800, Map.of("nistelrode", List.of(new Household("nistelrode-u2-1", 3,
                List.of("shelter"), true, "5388"))), RULES));
        collect(model.advanceTo(9000, RULES));
        assertThat(published(CitizenCheckedIn.class)).isNotEmpty();
        collect(model.decision(decision(DecisionKind.CLOSE_NSP, "nsp-nistelrode", 9000), 9000, RULES));
        assertThat(states().getLast()).satisfies(s -> {
            assertThat(s.nspId()).isEqualTo("nsp-nistelrode");
            assertThat(s.state()).isEqualTo(NspState.CLOSED);
            assertThat(s.atSeconds()).isEqualTo(9000L);
        });
        assertThat(published(CitizenCheckedOut.class)).isNotEmpty().allSatisfy(out ->
                assertThat(out.reason()).isEqualTo(CitizenCheckedOut.NSP_CLOSED));
        // the policy leaves a closed NSP closed while the power is still out
        int closed = states().size();
        collect(model.advanceTo(20000, RULES));
        assertThat(states()).hasSize(closed);
    }

    private static List<Household> households(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Household("heesch-u2-" + i, 2, List.of("shelter"),
                false, "5384")).toList();
    }

    private void collect(List<Emitted> emitted) {
        emitted.forEach(e -> published.add(e.payload()));
    }

    private List<NspStateChanged> states() {
        return published(NspStateChanged.class);
    }

    private <T> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
