package nl.weerbaar.situatiebeeld.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Objective;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import org.junit.jupiter.api.Test;

/**
 * The scenario's objectives evaluated as the picture folds the exercise: each expectation pending, met, met late or
 * missed, with the event that started its clock and the one that settled it — by their scenario times, whatever
 * order they came in.
 */
class ExpectationsTest {

    private final List<LogEntry> log = new ArrayList<>();

    private static Objective objective(String id, Objective.After after, Objective.Expect expect, int minutes) {
        return new Objective(id, Text.of(id, id), after, expect, minutes);
    }

    private static Decision decision(DecisionKind kind, String providerId, long at) {
        return new Decision("oef-1", "besluit-" + kind.wire(), kind, null, providerId,
                kind == DecisionKind.PUBLIC_WARNING ? List.of("heesch") : null, null, null, null,
                kind == DecisionKind.PUBLIC_WARNING ? Decision.COME_TO_NSP : null,
                kind == DecisionKind.PUBLIC_WARNING ? Text.of("Kom", "Come") : null, "waarom", "crisisteam", at);
    }

    @Test
    void eachExpectationIsSettledByTheScenarioTimesOfItsEventsWithTheirIdsAsEvidence() throws Exception {
        List<Objective> objectives = List.of(
                objective("nsp-na-112", new Objective.After(Objective.After.PROVIDER_DOWN, Provider.EMERGENCY_NUMBER,
                        null), new Objective.Expect(null, null, null, "any", null, null, null), 60),
                objective("brandstof-ziekenhuis", new Objective.After(Objective.After.PROVIDER_DOWN, Provider.GRID,
                        null), new Objective.Expect("fuel-priority", "ziekenhuis", null, null, null, null, null), 60),
                objective("publieksbericht", new Objective.After(Objective.After.NSP_OPEN, null, null),
                        new Objective.Expect("public-warning", null, null, null, null, null, null), 30),
                objective("geen-escalatie", new Objective.After(Objective.After.START, null, null),
                        new Objective.Expect(null, null, null, null, null, Objective.Expect.HELP_ESCALATED,
                                "no-volunteer"), 1440),
                objective("aggregaat-na-laag", new Objective.After(Objective.After.BACKUP_LOW, null, "ziekenhuis"),
                        new Objective.Expect("mobile-generator", null, null, null, null, null, null), 60));
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "Bernheze", 1, 259200,
                List.of(), List.of(provider("net", Provider.GRID), provider("alarm", Provider.EMERGENCY_NUMBER),
                provider("ziekenhuis", null)), List.of(new Place("heesch", "Heesch", 51.73, 5.53, 2000, 800, "5384", 1)),
                List.of(new NspSite("nsp-heesch", "NSP Heesch", "local", "heesch", "centrum", 51.73, 5.53, 40,
                        List.of(), null)), List.of(), null, null, null, null, objectives));
        add(0, EventType.PROVIDER_STATUS_CHANGED, down("net", 0));
        add(1800, EventType.DECISION_TAKEN, decision(DecisionKind.FUEL_PRIORITY, "ziekenhuis", 1800));
        add(5400, EventType.PROVIDER_STATUS_CHANGED, down("alarm", 5400));
        assertThat(verdicts()).containsExactly(
                tuple("nsp-na-112", Expectations.Verdict.PENDING, 5400L, 9000L, null),
                tuple("brandstof-ziekenhuis", Expectations.Verdict.MET, 0L, 3600L, 1800L),
                tuple("publieksbericht", Expectations.Verdict.WAITING, null, null, null),
                tuple("geen-escalatie", Expectations.Verdict.PENDING, 0L, 86400L, null),
                tuple("aggregaat-na-laag", Expectations.Verdict.WAITING, null, null, null));

        // the clock passes 9000 before noodsteunpunt's word on the NSP opened at 6000 comes in: met all the same
        add(12000, EventType.CLOCK_TICKED, new ClockTicked("oef-1", 12000, 60, Instant.EPOCH));
        assertThat(verdicts().getFirst()).isEqualTo(tuple("nsp-na-112", Expectations.Verdict.MISSED, 5400L, 9000L,
                null));
        add(6000, EventType.NSP_STATE_CHANGED, new NspStateChanged("oef-1", "nsp-heesch", NspState.OPEN,
                NspState.OPENING, "opening-done", NspStateChanged.BY_POLICY, null, null, 6000));
        String opened = log.getLast().eventId();
        Picture p = PictureFolder.fold("oef-1", log);
        assertThat(p.getExpectations().getFirst()).satisfies(v -> {
            assertThat(v.verdict()).isEqualTo(Expectations.Verdict.MET);
            assertThat(v.evidenceAtSeconds()).isEqualTo(6000L);
            assertThat(v.evidenceEventId()).isEqualTo(opened);
            assertThat(v.startedByEventId()).isEqualTo(log.get(3).eventId());
        });
        // a warning was due by T+2:10 (the NSP opened at T+1:40): by T+3:20 it is missed, then given late
        assertThat(verdicts().get(2)).isEqualTo(tuple("publieksbericht", Expectations.Verdict.MISSED, 6000L, 7800L,
                null));
        add(12100, EventType.DECISION_TAKEN, decision(DecisionKind.PUBLIC_WARNING, null, 12100));
        assertThat(verdicts().get(2)).isEqualTo(tuple("publieksbericht", Expectations.Verdict.MET_LATE, 6000L, 7800L,
                12100L));
        // escalated for want of volunteers inside the first 24 h: the "never" is missed, with that escalation
        add(20000, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated("oef-1", "h-1", "no-volunteer",
                Text.of("Niemand", "Nobody"), 20000));
        assertThat(verdicts().get(3)).isEqualTo(tuple("geen-escalatie", Expectations.Verdict.MISSED, 0L, 86400L,
                20000L));
        // the exercise ends: what never started does not apply
        add(259200, EventType.EXERCISE_STATE_CHANGED, new ExerciseStateChanged("oef-1", ExerciseState.RUNNING,
                ExerciseState.FINISHED, 259200, 60, "end"));
        assertThat(verdicts().get(4)).isEqualTo(tuple("aggregaat-na-laag", Expectations.Verdict.NOT_APPLICABLE,
                null, null, null));
        // and the page gets them in its JSON, in words
        assertThat(LivePictures.json(PictureFolder.fold("oef-1", log))).contains("\"verdict\":\"met-late\"");
    }

    @Test
    void aNeverThatDidNotHappenInItsWindowIsMetOnceTheWindowHasPassed() throws Exception {
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "B", 1, 259200,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null, List.of(objective("rustig",
                new Objective.After(Objective.After.START, null, null), new Objective.Expect(null, null, null, null,
                        null, Objective.Expect.HELP_ESCALATED, null), 60))));
        add(3000, EventType.CLOCK_TICKED, new ClockTicked("oef-1", 3000, 60, Instant.EPOCH));
        assertThat(verdicts()).extracting(t -> t.toList().get(1)).containsExactly(Expectations.Verdict.PENDING);
        add(3700, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated("oef-1", "h-1", "deadline-passed",
                Text.of("Te laat", "Too late"), 3700)); // after the window: does not count
        add(3700, EventType.CLOCK_TICKED, new ClockTicked("oef-1", 3700, 60, Instant.EPOCH));
        assertThat(verdicts()).extracting(t -> t.toList().get(1)).containsExactly(Expectations.Verdict.MET);
    }

    @Test
    void anNspOpenAlreadyAndAWarningGivenEarlyCountButAnNspClosedAgainDoesNot() throws Exception {
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "B", 1, 259200,
                List.of(), List.of(provider("alarm", Provider.EMERGENCY_NUMBER)), List.of(), List.of(), List.of(),
                null, null, null, null, List.of(
                objective("nsp-na-112", new Objective.After(Objective.After.PROVIDER_DOWN, Provider.EMERGENCY_NUMBER,
                        null), new Objective.Expect(null, null, null, "any", null, null, null), 60),
                objective("publieksbericht", new Objective.After(Objective.After.NSP_OPEN, null, null),
                        new Objective.Expect("public-warning", null, null, null, null, null, null), 30))));
        add(1000, EventType.DECISION_TAKEN, decision(DecisionKind.PUBLIC_WARNING, null, 1000));
        add(3600, EventType.NSP_STATE_CHANGED, state("nsp-a", NspState.OPEN, 3600));
        add(3700, EventType.NSP_STATE_CHANGED, state("nsp-b", NspState.OPEN, 3700));
        add(4000, EventType.NSP_STATE_CHANGED, state("nsp-a", NspState.CLOSED, 4000));
        add(9000, EventType.PROVIDER_STATUS_CHANGED, down("alarm", 9000));
        // 112 fails at T+2:30 while nsp-b is open (nsp-a closed again): met, the opening of nsp-b the evidence
        assertThat(verdicts()).containsExactly(
                tuple("nsp-na-112", Expectations.Verdict.MET, 9000L, 12600L, 3700L),
                tuple("publieksbericht", Expectations.Verdict.MET, 3600L, 5400L, 1000L));
    }

    @Test
    void anOutageThatCameInBeforeTheScenarioOrItsProvidersRoleStillStartsTheClock() throws Exception {
        // the grid's outage (vital-status's topic) is folded before the scenario (the exercise topic) came in
        add(0, EventType.PROVIDER_STATUS_CHANGED, down("net", 0));
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "B", 1, 259200,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null, List.of(
                objective("brandstof", new Objective.After(Objective.After.PROVIDER_DOWN, Provider.GRID, null),
                        new Objective.Expect("fuel-priority", "ziekenhuis", null, null, null, null, null), 60))));
        assertThat(verdicts()).extracting(t -> t.toList().get(1)).containsExactly(Expectations.Verdict.WAITING);
        // the grid's role comes with its registration, later still: the clock started at T+0 all the same
        add(0, EventType.PROVIDER_REGISTERED, new nl.weerbaar.contracts.vital.ProviderRegistered("oef-1",
                provider("net", Provider.GRID), "scenario", null));
        add(600, EventType.DECISION_TAKEN, decision(DecisionKind.FUEL_PRIORITY, "ziekenhuis", 600));
        assertThat(verdicts()).containsExactly(tuple("brandstof", Expectations.Verdict.MET, 0L, 3600L, 600L));
    }

    @Test
    void aRolePlayersQuestionIsAnsweredInTimeOrLate() throws Exception {
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "B", 1, 259200,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null, List.of(
                objective("antwoord", new Objective.After(Objective.After.MESSAGE, null, null, "vraag"),
                        new Objective.Expect(null, null, null, null, null, null, null, "vraag"), 30),
                objective("antwoord-2", new Objective.After(Objective.After.MESSAGE, null, null, "vraag-2"),
                        new Objective.Expect(null, null, null, null, null, null, null, "vraag-2"), 30))));
        add(1200, EventType.MESSAGE_SENT, new nl.weerbaar.contracts.exercise.MessageSent("oef-1", "vraag", "Ziekenhuis",
                null, Text.of("Brandstof?", "Fuel?"), "scenario", null, 1200));
        add(1300, EventType.MESSAGE_SENT, new nl.weerbaar.contracts.exercise.MessageSent("oef-1", "vraag-2", "Burgemeester",
                null, Text.of("Stand?", "Status?"), "trainer", "trainer", 1300));
        assertThat(verdicts()).extracting(t -> t.toList().get(1)).containsExactly(Expectations.Verdict.PENDING,
                Expectations.Verdict.PENDING);
        add(2000, EventType.MESSAGE_ANSWERED, new nl.weerbaar.contracts.crisisteam.MessageAnswered("oef-1", "vraag",
                "Ja.", "crisis", 2000));
        add(4000, EventType.MESSAGE_ANSWERED, new nl.weerbaar.contracts.crisisteam.MessageAnswered("oef-1", "vraag-2",
                "Rustig.", "crisis", 4000));
        assertThat(verdicts()).containsExactly(tuple("antwoord", Expectations.Verdict.MET, 1200L, 3000L, 2000L),
                tuple("antwoord-2", Expectations.Verdict.MET_LATE, 1300L, 3100L, 4000L));
        // the inbox has both, with their answers
        assertThat(PictureFolder.fold("oef-1", log).inbox).extracting(Picture.InboxItem::id, Picture.InboxItem::answer)
                .containsExactly(tuple("vraag", "Ja."), tuple("vraag-2", "Rustig."));
    }

    @Test
    void anObjectiveSetDuringTheExerciseIsJudgedOnWhatHappenedBeforeItToo() throws Exception {
        // set before the scenario came in, too: it joins the scenario's objectives when they come
        add(0, EventType.OBJECTIVE_SET, new nl.weerbaar.contracts.exercise.ObjectiveSet("oef-1", objective("vroeg",
                new Objective.After(Objective.After.START, null, null), new Objective.Expect("grip", null, null, null,
                        null, null, null), 60), "trainer", 0));
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "B", 1, 259200,
                List.of(), List.of(provider("net", Provider.GRID)), List.of(), List.of(), List.of(), null, null, null,
                null, List.of()));
        add(0, EventType.PROVIDER_STATUS_CHANGED, down("net", 0));
        add(600, EventType.DECISION_TAKEN, decision(DecisionKind.FUEL_PRIORITY, "ziekenhuis", 600));
        add(5000, EventType.OBJECTIVE_SET, new nl.weerbaar.contracts.exercise.ObjectiveSet("oef-1", objective("laat",
                new Objective.After(Objective.After.PROVIDER_DOWN, Provider.GRID, null), new Objective.Expect(
                        "fuel-priority", "ziekenhuis", null, null, null, null, null), 60), "trainer", 5000));
        add(5000, EventType.CLOCK_TICKED, new ClockTicked("oef-1", 5000, 60, Instant.EPOCH));
        assertThat(verdicts()).containsExactly(tuple("vroeg", Expectations.Verdict.MISSED, 0L, 3600L, null),
                tuple("laat", Expectations.Verdict.MET, 0L, 3600L, 600L));
    }

    private static NspStateChanged state(String nspId, NspState state, long at) {
        return new NspStateChanged("oef-1", nspId, state, NspState.OPENING, "opening-done", NspStateChanged.BY_POLICY,
                null, null, at);
    }

    private List<org.assertj.core.groups.Tuple> verdicts() {
        return PictureFolder.fold("oef-1", log).getExpectations().stream().map(v -> tuple(v.id(), v.verdict(),
                v.startedAtSeconds(), v.dueAtSeconds(), v.evidenceAtSeconds())).toList();
    }

    private static Provider provider(String id, String role) {
        return new Provider(id, id, "s", List.of("heesch"), List.of(), List.of(), List.of(), null, false, null, role);
    }

    private static ProviderStatusChanged down(String id, long at) {
        return new ProviderStatusChanged("oef-1", id, "s", ProviderState.DOWN, ProviderState.NORMAL, null, List.of(),
                null, List.of(), null, null, StatusSource.SIMULATION, null, null, List.of(), null, at);
    }

    private void add(long at, EventType type, Object payload) throws Exception {
        log.add(new LogEntry("e-" + log.size(), "oef-1", log.size() + 1, type.topic(), type.shortName(), null, at,
                EventJson.mapper().writeValueAsString(payload)));
    }
}
