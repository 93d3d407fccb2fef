package nl.weerbaar.noodsteunpunt.simulation;

import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.FAR;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.HEESCH;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.NEAR;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.NISTELRODE;
import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.RULES;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.PopulationDemand;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.Household;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.NspPolicy;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import nl.weerbaar.kit.streams.ProgressMarks;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.test.TopologyDriver;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The NSP topology without a broker: it waits for the clock and for vital-status's watermarks, so the same inputs
 * give the same decisions (ids included) whichever topic comes in first; keyed state per NSP; dead letters.
 */
class NspTopologyTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final long EPOCH = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();
    private static final long H = 3600;
    private static final int PARTITIONS = 2;
    private static final String EXERCISE = "oef-n";
    private static final Provider GRID = new Provider("enexis-net", "Enexis", "netbeheer",
            List.of("heesch", "nistelrode"), List.of("power"), List.of(), List.of(), new nl.weerbaar.contracts.scenario.Backup("none", 0.0, null), null, null,
            Provider.GRID);
    private static final StreamEvents TIMELINE = new StreamEvents(VALIDATOR, "outage-timeline", "test", CLOCK);
    private static final StreamEvents VITAL = new StreamEvents(VALIDATOR, "vital-status", "test", CLOCK);

    private final List<TopologyDriver> drivers = new ArrayList<>();

    @AfterEach
    void close() {
        drivers.forEach(TopologyDriver::close);
    }

    private static EventContext at(long seconds) {
        return EventContext.of(EXERCISE, ExerciseStatus.EXERCISE, seconds).withEpoch(EPOCH);
    }

    /** The exercise topic: scenario, clock every {@code tick}, an hour's population each hour, the end at 12 h. */
    private static List<Record<String, Routed>> clock(long tick) {
        return clock(tick, null);
    }

    /** As {@link #clock(long)}, in a region with its own NSP policy. */
    private static List<Record<String, Routed>> clock(long tick, NspPolicy policy) {
        List<Record<String, Routed>> in = new ArrayList<>();
        in.add(TIMELINE.event(EventIds.derived(EXERCISE, "scenario-loaded"), EXERCISE, new ScenarioLoaded(EXERCISE,
                "test", Text.of("Test", "Test"), "Bernheze", 7, 12 * H, List.of(), List.of(GRID),
                List.of(HEESCH, NISTELRODE), List.of(NEAR, FAR), List.of(), policy, null, null, null), at(0)));
        for (long t = 0; t <= 12 * H; t += tick) {
            in.add(TIMELINE.event(EventIds.derived(EXERCISE, "tick", Long.toString(t)), EXERCISE,
                    new ClockTicked(EXERCISE, t, 1000, CLOCK.instant()), at(t)));
        }
        for (int hour = 1; hour < 12; hour++) {
            List<Household> arrivals = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                arrivals.add(new Household("hh-" + hour + "-" + i, 1 + i % 3, List.of("water"), i == 0, "5384"));
            }
            in.add(TIMELINE.event(EventIds.derived(EXERCISE, "demand", Integer.toString(hour)), EXERCISE,
                    new PopulationDemand(EXERCISE, hour, hour * H, (hour + 1) * H, List.of(
                            new PopulationDemand.PlaceDemand("heesch", java.util.Map.of("water", 4), 1, arrivals))),
                    at(hour * H)));
        }
        in.add(TIMELINE.event(EventIds.derived(EXERCISE, "finished"), EXERCISE, new ExerciseStateChanged(EXERCISE,
                ExerciseState.RUNNING, ExerciseState.FINISHED, 12 * H, 1000, "end"), at(12 * H)));
        in.sort(Comparator.comparingLong(Record::timestamp)); // stable: in the order the timeline writes them
        return in;
    }

    /** vital-status's topic as it writes it: the grid fails at 0 and returns at 6 h; a mark after every clock tick. */
    private static List<Record<String, Routed>> vital(long tick) {
        List<Record<String, Routed>> in = new ArrayList<>();
        in.add(VITAL.event(EventIds.derived(EXERCISE, "provider-registered", GRID.id()), GRID.id(),
                new ProviderRegistered(EXERCISE, GRID, ProviderRegistered.FROM_SCENARIO, null), at(0)));
        in.add(status(ProviderState.DOWN, 0));
        for (long t = tick; t <= 12 * H; t += tick) {
            if (t - tick - 1 < 6 * H && 6 * H <= t - 1) { // before the first mark that covers it
                in.add(status(ProviderState.RESTORED, 6 * H));
            }
            in.addAll(ProgressMarks.marks(VITAL, EventType.VITAL_PROGRESS_MARKED, "vital-status", EXERCISE, t - 1,
                    false, PARTITIONS, at(t - 1)));
        }
        in.addAll(ProgressMarks.marks(VITAL, EventType.VITAL_PROGRESS_MARKED, "vital-status", EXERCISE, 12 * H,
                true, PARTITIONS, at(12 * H)));
        return in;
    }

    private static Record<String, Routed> status(ProviderState state, long seconds) {
        return VITAL.event(EventIds.derived(EXERCISE, "status", GRID.id(), state.wire()), GRID.id(),
                new ProviderStatusChanged(EXERCISE, GRID.id(), "netbeheer", state, null, null, List.of(), null,
                        List.of(), null, null, StatusSource.SIMULATION, null, Text.of("stroom " + state.wire(), "power "
                        + state.wire()), List.of(), null, seconds), at(seconds));
    }

    private TopologyDriver driver() {
        TopologyDriver driver = new TopologyDriver("nsp-test", b -> SimulationConfiguration.topology(b,
                new StreamEvents(VALIDATOR, "noodsteunpunt", SimulationConfiguration.PROCESSOR, CLOCK), RULES,
                new NspMetrics(new SimpleMeterRegistry()), PARTITIONS));
        drivers.add(driver);
        return driver;
    }

    private static InboundEvent event(TestRecord<String, byte[]> r) {
        return TopologyDriver.event(r, Topics.NOODSTEUNPUNT, VALIDATOR);
    }

    /** The interleaving of a run: clock and vital-status in scenario-time order, as a live run roughly reads them. */
    private static List<Record<String, Routed>> byTime(List<Record<String, Routed>> clock,
                                                     List<Record<String, Routed>> vital) {
        List<Record<String, Routed>> all = new ArrayList<>(clock);
        all.addAll(vital);
        all.sort(Comparator.comparingLong(Record::timestamp));
        return all;
    }

    private List<String> play(List<Record<String, Routed>> inputs) {
        TopologyDriver driver = driver();
        inputs.forEach(driver::pipe);
        // its own watermarks follow the clock and vital-status's; compared are the decisions
        return driver.output(Topics.NOODSTEUNPUNT).stream().filter(r -> !TopologyDriver.isProgressMark(r))
                .map(TopologyDriver::content).toList();
    }

    @Test
    void theSameInputsGiveTheSameDecisionsIdsIncludedWhicheverTopicIsReadFirstAndHoweverOftenTheClockTicks() {
        List<String> clockFirst = new ArrayList<>();
        List<Record<String, Routed>> ticks = clock(60);
        List<Record<String, Routed>> marks = vital(60);
        List<Record<String, Routed>> both = new ArrayList<>(ticks);
        both.addAll(marks);
        clockFirst.addAll(play(both));
        List<Record<String, Routed>> reversed = new ArrayList<>(marks);
        reversed.addAll(ticks);
        List<String> vitalFirst = play(reversed);
        List<String> interleaved = play(byTime(ticks, marks));
        List<String> seldom = play(byTime(clock(1800), vital(1800)));

        assertThat(clockFirst).hasSizeGreaterThan(40);
        assertThat(vitalFirst).isEqualTo(clockFirst);
        assertThat(interleaved).isEqualTo(clockFirst);
        assertThat(seldom).isEqualTo(clockFirst);
        assertThat(clockFirst.stream().map(s -> s.split(" ")[1]).distinct()).as("ids unique")
                .hasSize(clockFirst.size());
    }

    @Test
    void aRegionsOwnPolicyFromItsScenarioDecidesWhenItsNspsOpenAndClose() {
        // the deployment opens an NSP an hour after the power fails, in 30 minutes, and closes it two hours after
        // the power returns (between, a full NSP may close its doors and open them again: not policy)
        List<String> deployment = openings(byTime(clock(60), vital(60)));
        assertThat(deployment).filteredOn(s -> !s.startsWith("open@")).filteredOn(s -> !s.startsWith("full@"))
                .containsExactly("opening@3600", "opening@3600", "closed@" + (6 * H + 7200), "closed@" + (6 * H + 7200));
        assertThat(deployment).filteredOn(s -> s.startsWith("open@")).startsWith("open@5400", "open@5400");
        // this region opens after two hours, takes 15 minutes to open and closes half an hour after the power is back
        List<String> region = openings(byTime(clock(60, new NspPolicy(120, null, 15, 30)), vital(60)));
        assertThat(region).filteredOn(s -> !s.startsWith("open@")).filteredOn(s -> !s.startsWith("full@"))
                .containsExactly("opening@7200", "opening@7200", "closed@" + (6 * H + 1800), "closed@" + (6 * H + 1800));
        assertThat(region).filteredOn(s -> s.startsWith("open@")).startsWith("open@8100", "open@8100");
    }

    private List<String> openings(List<Record<String, Routed>> inputs) {
        TopologyDriver driver = driver();
        inputs.forEach(driver::pipe);
        return driver.output(Topics.NOODSTEUNPUNT).stream().map(NspTopologyTest::event)
                .filter(e -> e.type() == EventType.NSP_STATE_CHANGED)
                .map(e -> e.payload(NspStateChanged.class))
                .map(c -> c.state().name().toLowerCase() + "@" + c.atSeconds()).toList();
    }

    @Test
    void everyEventOfTheExerciseTopicDeliveredTwiceGivesTheSameDecisionsAsOnce() {
        // outage-timeline writes outside a Kafka transaction: after a crash between a send and its bookkeeping it
        // sends the same event (same id) again, at a later offset — here every one of them, at once and once more
        // after the whole run (vital-status's topic comes from exactly-once transactions: no such copies)
        List<Record<String, Routed>> once = byTime(clock(300), vital(300));
        List<String> single = play(once);
        assertThat(single).hasSizeGreaterThan(40);
        assertThat(play(TopologyDriver.withExerciseCopies(once))).isEqualTo(single);
    }

    /** The clock's own marks between its ticks, every {@code every} seconds (off the ticks' grid), in time order. */
    private static List<Record<String, Routed>> withClockMarks(List<Record<String, Routed>> clock, long every) {
        List<Record<String, Routed>> in = new ArrayList<>(clock);
        for (long t = every; t < 12 * H; t += every) {
            in.add(TIMELINE.event(EventType.CLOCK_PROGRESS_MARKED, EventIds.derived(EXERCISE, "clock-mark",
                    Long.toString(t)), EXERCISE, new nl.weerbaar.contracts.ProgressMarked(EXERCISE,
                    "outage-timeline", t, 0, 1, false), at(t)));
        }
        in.sort(Comparator.comparingLong(Record::timestamp)); // stable: a mark after what the clock wrote at its time
        return in;
    }

    @Test
    void theClocksMarksBetweenTicksLetItActUpToThemWithoutChangingADecision() {
        List<String> everyMinute = play(byTime(clock(60), vital(60)));
        TopologyDriver driver = driver();
        byTime(withClockMarks(clock(1800), 97), vital(60)).forEach(driver::pipe);
        List<TestRecord<String, byte[]>> out = driver.output(Topics.NOODSTEUNPUNT);

        assertThat(out.stream().filter(r -> !TopologyDriver.isProgressMark(r)).map(TopologyDriver::content).toList())
                .isEqualTo(everyMinute);
        // between two ticks half an hour apart it went on as far as the clock's marks and vital-status's allowed;
        // without the marks it waits for the next tick
        assertThat(marksOf(out)).anyMatch(t -> t > 1800 && t % 1800 != 1799);
        TopologyDriver ticksOnly = driver();
        byTime(clock(1800), vital(60)).forEach(ticksOnly::pipe);
        assertThat(marksOf(ticksOnly.output(Topics.NOODSTEUNPUNT))).allMatch(t -> t % 1800 == 1799 || t == 12 * H);
    }

    private static List<Long> marksOf(List<TestRecord<String, byte[]>> out) {
        return out.stream().filter(TopologyDriver::isProgressMark)
                .map(r -> event(r).payload(nl.weerbaar.contracts.ProgressMarked.class).upToSeconds()).toList();
    }

    @Test
    void anInstanceThatTakesOverFromTheStoresDecidesAsTheOneThatKeptTheExerciseInMemory() {
        // the processor keeps an exercise's NSPs in memory between records and writes back only what changed:
        // restarted from its stores every 100 records, it must still decide exactly the same
        List<Record<String, Routed>> inputs = byTime(clock(60), vital(60));
        List<String> kept = play(inputs);
        TopologyDriver.RestartedRun run = driver().pipeRestartingEvery(100, inputs, Topics.NOODSTEUNPUNT);
        drivers.add(run.last());
        List<TestRecord<String, byte[]>> out = run.output();
        assertThat(out.stream().filter(r -> !TopologyDriver.isProgressMark(r)).map(TopologyDriver::content).toList())
                .isEqualTo(kept);
        assertThat(inputs.size() / 100).as("restarts").isGreaterThan(3);
    }

    @Test
    void nothingIsDecidedBeforeVitalStatusHasMarkedThatMomentAndThenEverythingInScenarioTimeOrder()
            throws IOException {
        TopologyDriver driver = driver();
        clock(60).forEach(driver::pipe);
        assertThat(driver.output(Topics.NOODSTEUNPUNT)).as("the clock alone decides nothing").isEmpty();

        vital(60).forEach(driver::pipe);
        List<TestRecord<String, byte[]>> out = driver.output(Topics.NOODSTEUNPUNT);
        List<NspStateChanged> states = new ArrayList<>();
        List<CitizenCheckedIn> checkIns = new ArrayList<>();
        long previous = -1;
        for (TestRecord<String, byte[]> r : out) {
            InboundEvent e = event(r); // throws when an outcome breaks its contract
            assertThat(e.epochMillis()).as("event time = epoch + scenario time").isEqualTo(EPOCH);
            assertThat(e.scenarioTimeSeconds()).as("in scenario-time order").isGreaterThanOrEqualTo(previous);
            previous = e.scenarioTimeSeconds();
            if (e.type() == EventType.NSP_STATE_CHANGED) {
                states.add(e.payload(NspStateChanged.class));
            } else if (e.type() == EventType.CITIZEN_CHECKED_IN) {
                checkIns.add(e.payload(CitizenCheckedIn.class));
            }
        }
        // dark from T+0: opening an hour later, open half an hour after that; closed two hours after power is back
        assertThat(states).filteredOn(s -> s.nspId().equals("nsp-heesch"))
                .extracting(NspStateChanged::state, NspStateChanged::atSeconds)
                .startsWith(org.assertj.core.groups.Tuple.tuple(NspState.OPENING, H),
                        org.assertj.core.groups.Tuple.tuple(NspState.OPEN, H + 1800));
        assertThat(states).filteredOn(s -> s.state() == NspState.CLOSED).extracting(NspStateChanged::atSeconds)
                .containsOnly(8 * H);
        assertThat(checkIns).isNotEmpty().allMatch(c -> c.atSeconds() >= H + 1800 && c.atSeconds() < 8 * H);
    }

    @Test
    void itsOwnWatermarksCoverEveryDecisionThroughTheEnd() {
        TopologyDriver driver = driver();
        byTime(clock(300), vital(300)).forEach(driver::pipe);
        List<TestRecord<String, byte[]>> out = driver.output(Topics.NOODSTEUNPUNT);
        assertThat(TopologyDriver.assertMarksCoverEveryDecision(out, Topics.NOODSTEUNPUNT, VALIDATOR, PARTITIONS))
                .isEqualTo(12 * H);
        assertThat(event(out.getLast()).payload(nl.weerbaar.contracts.ProgressMarked.class).ended()).isTrue();
    }

    @Test
    void stateIsKeptPerNspAndHeldInputsAreGoneOnceApplied() {
        TopologyDriver driver = driver();
        byTime(clock(60), vital(60)).stream().filter(r -> r.timestamp() <= EPOCH + 2 * H * 1000)
                .forEach(driver::pipe);
        assertThat(driver.<String>store(NspStore.SITES).get(EXERCISE + "/nsp-heesch"))
                .contains("\"state\":\"open\"");
        assertThat(driver.<String>store(NspStore.EXERCISES).get(EXERCISE))
                .doesNotContain("nsp-heesch\":{"); // NSPs are their own entries, not inside the exercise's
        // what is held is only what the watermarks do not cover yet: the last tick (the clock may bring more at it)
        List<String> held = new ArrayList<>();
        driver.<String>store(NspStore.INPUTS).all().forEachRemaining(kv -> held.add(kv.key));
        // (and the ids of the exercise topic's events seen, against a second copy: HeldInputs)
        assertThat(held).filteredOn(k -> !k.startsWith(nl.weerbaar.kit.streams.FirstDelivery.PREFIX))
                .allMatch(k -> k.startsWith(EXERCISE + "/%012d/".formatted(2 * H)));
    }

    @Test
    void anOperatorsCheckInWhileTheExerciseIsPausedIsTakenInAtOnce() throws IOException {
        TopologyDriver driver = driver();
        // paused at T+2:00: the last tick is at 2 h, vital-status has marked 1:59:59 (the clock may bring more at 2 h)
        byTime(clock(60), vital(60)).stream().filter(r -> r.timestamp() <= EPOCH + 2 * H * 1000)
                .forEach(driver::pipe);
        driver.output(Topics.NOODSTEUNPUNT);
        StreamEvents desk = new StreamEvents(VALIDATOR, "noodsteunpunt", "desk", CLOCK);
        driver.pipe(desk.event(EventIds.derived(EXERCISE, "check-in", "desk-1"), "nsp-heesch",
                new CitizenCheckedIn(EXERCISE, "nsp-heesch", "desk-1", 2, List.of("first-aid"), false, null, null,
                        CitizenCheckedIn.FROM_OPERATOR, null, null, "operator", 2 * H), at(2 * H)));
        assertThat(driver.output(Topics.NOODSTEUNPUNT)).extracting(r -> event(r).type())
                .contains(EventType.HELP_REQUESTED);
        List<String> inside = new ArrayList<>();
        driver.<String>store(NspStore.PRESENT).prefixScan(EXERCISE + "/nsp-heesch/",
                new org.apache.kafka.common.serialization.StringSerializer()).forEachRemaining(kv -> inside.add(kv.value));
        assertThat(inside).anyMatch(household -> household.contains("desk-1")); // a household is an entry of its own
        assertThat(driver.<String>store(NspStore.SITES).get(EXERCISE + "/nsp-heesch")).doesNotContain("desk-1");
    }

    @Test
    void aBrokenRecordGoesToTheDeadLetterTopicWithItsReasonAndTheExerciseGoesOn() {
        TopologyDriver driver = driver();
        driver.pipeRaw(Topics.VITAL_STATUS, "enexis-net", "{not json".getBytes(StandardCharsets.UTF_8));
        byTime(clock(600), vital(600)).forEach(driver::pipe);

        assertThat(driver.output(Topics.deadLetter(Topics.VITAL_STATUS))).singleElement().satisfies(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(TopologyDriver.header(r.headers(), KafkaKitConfiguration.DEAD_LETTER_REASON)).contains("not JSON");
            assertThat(TopologyDriver.header(r.headers(), StreamEvents.DEAD_LETTER_PROCESSOR))
                    .isEqualTo(SimulationConfiguration.PROCESSOR);
        });
        assertThat(driver.output(Topics.NOODSTEUNPUNT)).isNotEmpty();
    }

    @Test
    void aReplayIsARecordingAndIsNeverSimulatedAgain() {
        TopologyDriver driver = driver();
        byTime(clock(600), vital(600)).stream().map(r -> {
            org.apache.kafka.common.header.internals.RecordHeaders h =
                    new org.apache.kafka.common.header.internals.RecordHeaders(r.headers().toArray());
            h.add(CeHeaders.REPLAY_OF, "oef-original".getBytes(StandardCharsets.UTF_8));
            return r.withHeaders(h);
        }).forEach(driver::pipe);
        assertThat(driver.output(Topics.NOODSTEUNPUNT)).isEmpty();
        assertThat(driver.<String>store(NspStore.EXERCISES).get(EXERCISE)).isNull();
    }
}
