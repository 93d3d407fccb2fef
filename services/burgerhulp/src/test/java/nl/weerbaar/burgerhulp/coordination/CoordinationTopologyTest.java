package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.ProgressMarks;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.test.TopologyDriver;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coordination topology without a broker: it waits for the clock and for the watermarks of vital-status and
 * noodsteunpunt, so a help request of T meets the phones as they were at T whichever topic comes in first; every
 * help request of noodsteunpunt is opened, also when it comes after the end.
 */
class CoordinationTopologyTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final long EPOCH = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();
    private static final long H = 3600;
    private static final long END = 6 * H;
    private static final int PARTITIONS = 2;
    private static final String EXERCISE = "oef-c";
    private static final CoordinationConfiguration.OutageLinks LINKS = new CoordinationConfiguration.OutageLinks(
            Set.of("mobiel-netwerk"), Set.of("tankstations"));
    private static final StreamEvents TIMELINE = new StreamEvents(VALIDATOR, "outage-timeline", "test", CLOCK);
    private static final StreamEvents VITAL = new StreamEvents(VALIDATOR, "vital-status", "test", CLOCK);
    private static final StreamEvents NSP = new StreamEvents(VALIDATOR, "noodsteunpunt", "test", CLOCK);
    private static final NspSite HEESCH = new NspSite("nsp-heesch", "NSP Heesch", "local", "heesch", "centrum",
            51.7322, 5.5266, 10, List.of("water"), "Gemeente");

    private final List<TopologyDriver> drivers = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        drivers.forEach(TopologyDriver::close);
    }

    private static EventContext at(long seconds) {
        return EventContext.of(EXERCISE, ExerciseStatus.EXERCISE, seconds).withEpoch(EPOCH);
    }

    /** The exercise topic: eight first-aiders of the pool around Heesch, the clock every {@code tick}, the end. */
    private static List<Record<String, Routed>> clock(long tick) {
        List<Record<String, Routed>> in = new ArrayList<>();
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pool.add(new Volunteer("v-" + i, "heesch", 51.73 + i * 0.002, 5.52 + i * 0.002,
                    List.of("first-aid"), 2, 0.6, i % 2 == 0, 4 + i));
        }
        in.add(TIMELINE.event(EventIds.derived(EXERCISE, "pool"), EXERCISE, new VolunteersAvailable(EXERCISE, 0, pool),
                at(0)));
        for (long t = 0; t <= END; t += tick) {
            in.add(TIMELINE.event(EventIds.derived(EXERCISE, "tick", Long.toString(t)), EXERCISE,
                    new ClockTicked(EXERCISE, t, 1000, CLOCK.instant()), at(t)));
        }
        in.add(TIMELINE.event(EventIds.derived(EXERCISE, "finished"), EXERCISE, new ExerciseStateChanged(EXERCISE,
                ExerciseState.RUNNING, ExerciseState.FINISHED, END, 1000, "end"), at(END)));
        in.sort(Comparator.comparingLong(Record::timestamp));
        return in;
    }

    /** vital-status: the mobile network fails at 2 h and returns at 4 h; a mark after every tick. */
    private static List<Record<String, Routed>> vital(long tick) {
        return vital(tick, 2 * H, 4 * H);
    }

    /** vital-status: the mobile network fails at {@code down} and returns at {@code up}; a mark after every tick. */
    private static List<Record<String, Routed>> vital(long tick, long down, long up) {
        List<Record<String, Routed>> in = new ArrayList<>();
        for (long t = tick; t <= END; t += tick) {
            for (long change : new long[] {down, up}) {
                if (t - tick - 1 < change && change <= t - 1) {
                    ProviderState state = change == down ? ProviderState.DOWN : ProviderState.RESTORED;
                    in.add(VITAL.event(EventIds.derived(EXERCISE, "status", state.wire()), "mobiel-netwerk",
                            new ProviderStatusChanged(EXERCISE, "mobiel-netwerk", "telecom", state, null, null,
                                    List.of(), null, List.of(), null, null, StatusSource.SIMULATION, null,
                                    Text.of("mobiel " + state.wire(), "mobile " + state.wire()), List.of(), null,
                                    change), at(change)));
                }
            }
            in.addAll(ProgressMarks.marks(VITAL, EventType.VITAL_PROGRESS_MARKED, "vital-status", EXERCISE, t - 1,
                    false, PARTITIONS, at(t - 1)));
        }
        in.addAll(ProgressMarks.marks(VITAL, EventType.VITAL_PROGRESS_MARKED, "vital-status", EXERCISE, END, true,
                PARTITIONS, at(END)));
        return in;
    }

    /** noodsteunpunt: the NSP, open at 1 h; a first-aid request every 20 minutes from 1 h; a mark after every tick. */
    private static List<Record<String, Routed>> nsp(long tick) {
        List<Record<String, Routed>> in = new ArrayList<>();
        in.add(NSP.event(EventIds.derived(EXERCISE, "nsp-registered", HEESCH.id()), HEESCH.id(),
                new NspRegistered(EXERCISE, HEESCH, NspRegistered.FROM_SCENARIO, null), at(0)));
        long next = H;
        int n = 0;
        for (long t = tick; t <= END; t += tick) {
            if (t - tick - 1 < H && H <= t - 1) {
                in.add(NSP.event(EventIds.derived(EXERCISE, "nsp-open"), HEESCH.id(), new NspStateChanged(EXERCISE,
                        HEESCH.id(), NspState.OPEN, NspState.PLANNED, "opening-done", NspStateChanged.BY_POLICY,
                        Text.of("open", "open"), null, H), at(H)));
            }
            for (; next <= t - 1 && next < END; next += 20 * 60) {
                in.add(helpRequested("hr-" + n++, next));
            }
            in.addAll(ProgressMarks.marks(NSP, EventType.NSP_PROGRESS_MARKED, "noodsteunpunt", EXERCISE, t - 1,
                    false, PARTITIONS, at(t - 1)));
        }
        in.addAll(ProgressMarks.marks(NSP, EventType.NSP_PROGRESS_MARKED, "noodsteunpunt", EXERCISE, END, true,
                PARTITIONS, at(END)));
        return in;
    }

    private static Record<String, Routed> helpRequested(String id, long seconds) {
        return NSP.event(EventIds.derived(EXERCISE, "help", id), HEESCH.id(), new HelpRequested(EXERCISE, id,
                HEESCH.id(), "heesch", "first-aid", "urgent", seconds + 3600, false, 1, HEESCH.lat(), HEESCH.lon(),
                "c-" + id, null, seconds), at(seconds));
    }

    private TopologyDriver driver() {
        TopologyDriver driver = new TopologyDriver("coordination-test", b -> CoordinationConfiguration.topology(b,
                new StreamEvents(VALIDATOR, "burgerhulp", CoordinationConfiguration.PROCESSOR, CLOCK),
                new CoordinationStep(CoordinationRules.DEFAULT, LINKS), new CoordinationMetrics(meters), PARTITIONS,
                org.apache.kafka.streams.state.Stores::inMemoryKeyValueStore));
        drivers.add(driver);
        return driver;
    }

    @SafeVarargs
    private static List<Record<String, Routed>> concat(List<Record<String, Routed>>... parts) {
        List<Record<String, Routed>> all = new ArrayList<>();
        for (List<Record<String, Routed>> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static List<Record<String, Routed>> byTime(List<Record<String, Routed>> all) {
        List<Record<String, Routed>> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingLong(Record::timestamp));
        return sorted;
    }

    /** The decisions (its own watermarks follow the others' and are checked on their own). */
    private List<TestRecord<String, byte[]>> play(List<Record<String, Routed>> inputs) {
        TopologyDriver driver = driver();
        inputs.forEach(driver::pipe);
        return driver.output(Topics.BURGERHULP).stream().filter(r -> !TopologyDriver.isProgressMark(r)).toList();
    }

    private static InboundEvent event(TestRecord<String, byte[]> r) {
        return TopologyDriver.event(r, Topics.BURGERHULP, VALIDATOR);
    }

    private static List<String> contents(List<TestRecord<String, byte[]>> out) {
        return out.stream().map(TopologyDriver::content).toList();
    }

    @Test
    void theSameInputsGiveTheSameDecisionsIdsIncludedWhicheverTopicIsReadFirst() {
        List<Record<String, Routed>> clock = clock(60);
        List<Record<String, Routed>> vital = vital(60);
        List<Record<String, Routed>> nsp = nsp(60);
        List<String> interleaved = contents(play(byTime(concat(clock, vital, nsp))));
        assertThat(contents(play(concat(clock, vital, nsp)))).isEqualTo(interleaved);
        assertThat(contents(play(concat(nsp, vital, clock)))).isEqualTo(interleaved);
        assertThat(contents(play(concat(vital, nsp, clock)))).isEqualTo(interleaved);
        assertThat(contents(play(byTime(concat(clock(900), vital(900), nsp(900))))))
                .as("15 times fewer ticks").isEqualTo(interleaved);
        assertThat(interleaved).hasSizeGreaterThan(30);
        assertThat(interleaved.stream().map(s -> s.split(" ")[1]).distinct()).as("ids unique")
                .hasSize(interleaved.size());
    }

    @Test
    void everyEventOfTheExerciseTopicDeliveredTwiceGivesTheSameDecisionsAsOnce() {
        // outage-timeline may send an event again after a crash (same id, later offset); the other topics come
        // from exactly-once transactions
        List<Record<String, Routed>> once = byTime(concat(clock(60), vital(60), nsp(60)));
        List<String> single = contents(play(once));
        assertThat(single).hasSizeGreaterThan(30);
        assertThat(contents(play(TopologyDriver.withExerciseCopies(once)))).isEqualTo(single);
    }

    @Test
    void anotherServicesFactActsAtItsOwnTimeNotWhereTheClockHappenedToBe() {
        // the phones fail between ticks (2 h 2 min 30 s): with a tick every minute or every 15 minutes the model's
        // clock stands elsewhere when the failure is released, and the decisions must not show it
        long down = 2 * H + 150;
        List<String> everyMinute = contents(play(byTime(concat(clock(60), vital(60, down, 4 * H), nsp(60)))));
        List<TestRecord<String, byte[]>> everyQuarter = play(byTime(concat(clock(900), vital(900, down, 4 * H),
                nsp(900))));
        assertThat(contents(everyQuarter)).isEqualTo(everyMinute);
        assertThat(everyQuarter.stream().map(CoordinationTopologyTest::event)
                .filter(e -> e.type() == EventType.REACHABILITY_CHANGED).map(e -> e.scenarioTimeSeconds()))
                .first().isEqualTo(down);
    }

    @Test
    void anInstanceThatTakesOverFromTheStoresDecidesAsTheOneThatKeptTheExerciseInMemory() {
        // the processor keeps an exercise's entities in memory between records and writes back only what changed:
        // restarted from its stores every 150 records, it must still decide exactly the same
        List<Record<String, Routed>> inputs = byTime(concat(clock(60), vital(60), nsp(60)));
        List<String> kept = contents(play(inputs));
        TopologyDriver.RestartedRun run = driver().pipeRestartingEvery(150, inputs, Topics.BURGERHULP);
        drivers.add(run.last());
        List<TestRecord<String, byte[]>> out = run.output();
        assertThat(contents(out.stream().filter(r -> !TopologyDriver.isProgressMark(r)).toList())).isEqualTo(kept);
        assertThat(inputs.size() / 150).as("restarts").isGreaterThan(3);
    }

    @Test
    void aHelpRequestMeetsThePhonesAsTheyWereWhenItWasAskedEvenWhenNoodsteunpuntIsReadFirst() {
        // all of noodsteunpunt's requests before vital-status says the phones failed: still no phone offer in 2-4 h
        List<TestRecord<String, byte[]>> out = play(concat(nsp(60), clock(60), vital(60)));
        List<HelpOffered> offers = out.stream().filter(r -> event(r).type() == EventType.HELP_OFFERED)
                .map(r -> event(r).payload(HelpOffered.class)).toList();
        assertThat(offers).filteredOn(o -> o.atSeconds() >= 2 * H && o.atSeconds() < 4 * H)
                .isNotEmpty().allMatch(o -> !HelpOffered.BY_PHONE.equals(o.channel()));
        assertThat(offers).filteredOn(o -> o.atSeconds() < 2 * H).isNotEmpty()
                .allMatch(o -> HelpOffered.BY_PHONE.equals(o.channel()));
    }

    @Test
    void everyHelpRequestOfNoodsteunpuntIsOpenedAlsoWhenItComesAfterTheEnd() {
        // the clock and vital-status are long finished when noodsteunpunt's requests come in
        List<Record<String, Routed>> nsp = nsp(60);
        long asked = nsp.stream().filter(r -> r.value().topic().equals(Topics.NOODSTEUNPUNT)
                && new String(r.headers().lastHeader("ce_type").value()).equals(EventType.HELP_REQUESTED.type()))
                .count();
        List<TestRecord<String, byte[]>> out = play(concat(clock(60), vital(60), nsp));
        List<HelpRequestOpened> opened = out.stream().filter(r -> event(r).type() == EventType.HELP_REQUEST_OPENED)
                .map(r -> event(r).payload(HelpRequestOpened.class)).toList();
        assertThat(asked).isGreaterThan(10);
        assertThat(opened).hasSize((int) asked).allMatch(o -> HelpRequestOpened.FROM_NSP.equals(o.source()));
        assertThat(opened).extracting(HelpRequestOpened::atSeconds).isSorted();
        // and counted for the operator's exercise dashboard, once each
        assertThat(meters.find("weerbaar.help.requests.opened").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).isEqualTo((double) asked);
    }

    @Test
    void itsOwnWatermarksCoverEveryDecisionAndSayWhenTheExerciseIsFinishedForBurgerhulp() {
        TopologyDriver driver = driver();
        byTime(concat(clock(300), vital(300), nsp(300))).forEach(driver::pipe);
        List<TestRecord<String, byte[]>> out = driver.output(Topics.BURGERHULP);
        assertThat(TopologyDriver.assertMarksCoverEveryDecision(out, Topics.BURGERHULP, VALIDATOR, PARTITIONS))
                .isEqualTo(END);
        assertThat(event(out.getLast()).payload(nl.weerbaar.contracts.ProgressMarked.class).ended()).isTrue();
    }

    @Test
    void nothingIsDecidedBeforeNoodsteunpuntHasMarkedThatMoment() {
        TopologyDriver driver = driver();
        byTime(concat(clock(60), vital(60))).forEach(driver::pipe);
        assertThat(driver.output(Topics.BURGERHULP)).as("without noodsteunpunt's marks nothing moves").isEmpty();
        nsp(60).forEach(driver::pipe);
        assertThat(driver.output(Topics.BURGERHULP)).isNotEmpty();
        List<String> held = new ArrayList<>();
        driver.<String>store(CoordinationStore.INPUTS).all().forEachRemaining(kv -> held.add(kv.key));
        assertThat(held).as("nothing left held (but the exercise topic's ids seen, HeldInputs)")
                .allMatch(k -> k.startsWith(nl.weerbaar.kit.streams.FirstDelivery.PREFIX));
        assertThat(driver.<String>store(CoordinationStore.REQUESTS).get(EXERCISE + "/hr-0")).contains("hr-0");
    }
}
