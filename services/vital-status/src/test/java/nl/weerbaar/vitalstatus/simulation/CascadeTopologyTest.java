package nl.weerbaar.vitalstatus.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.scenario.Inject;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.test.TopologyDriver;
import nl.weerbaar.outagetimeline.scenario.Scenario;
import nl.weerbaar.outagetimeline.scenario.ScenarioParser;
import nl.weerbaar.outagetimeline.scenario.ScenarioWorld;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cascade topology without a broker: order, determinism, keyed state and dead letters. */
class CascadeTopologyTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final CascadeModel.Rules RULES = new CascadeModel.Rules(2, Set.of()); // 112 by its scenario role
    private static final long EPOCH = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();
    private static final long H = 3600;
    private static final int PARTITIONS = 3;
    private static final StreamEvents TIMELINE = new StreamEvents(VALIDATOR, "outage-timeline", "test", CLOCK);
    private static final StreamEvents PROVIDERS = new StreamEvents(VALIDATOR, "vital-status", "test", CLOCK);

    private final List<TopologyDriver> drivers = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        drivers.forEach(TopologyDriver::close);
    }

    /** The default scenario's inputs, as outage-timeline puts them on the exercise topic, ticks every {@code tick}. */
    private static List<Record<String, Routed>> defaultScenario(String exerciseId, long tick, long until) {
        Scenario scenario = bernheze();
        List<Record<String, Routed>> in = new ArrayList<>();
        EventContext context = EventContext.of(exerciseId, ExerciseStatus.EXERCISE, 0).withEpoch(EPOCH);
        in.add(TIMELINE.event(EventIds.derived(exerciseId, "scenario-loaded"), exerciseId,
                ScenarioWorld.resolve(scenario, exerciseId, scenario.seed()), context));
        for (long t = 0; t <= until; t += tick) {
            in.add(TIMELINE.event(EventIds.derived(exerciseId, "tick", Long.toString(t)), exerciseId,
                    new ClockTicked(exerciseId, t, 1000, CLOCK.instant()), context.atScenarioTime(t)));
        }
        for (Scenario.ScenarioInject i : scenario.injects()) {
            if (i.offsetSeconds() > until) {
                continue;
            }
            Inject inject = new Inject(i.id(), i.offsetSeconds(), i.sector(), i.providerId(),
                    i.band() != null ? i.band() : nl.weerbaar.contracts.ScenarioTime.band(i.offsetSeconds()),
                    i.effect(), i.severity(), i.statusEffect());
            in.add(TIMELINE.event(EventIds.derived(exerciseId, "inject", i.id()), exerciseId,
                    new InjectFired(exerciseId, inject, "scenario", "schedule"), context.atScenarioTime(i.offsetSeconds())));
        }
        in.add(TIMELINE.event(EventIds.derived(exerciseId, "finished"), exerciseId, new ExerciseStateChanged(
                exerciseId, ExerciseState.RUNNING, ExerciseState.FINISHED, until, 1000, "end"),
                context.atScenarioTime(until)));
        // on the topic in scenario-time order, as the timeline writes them (stable: a tick before the inject it meets)
        in.sort(Comparator.comparingLong(Record::timestamp));
        return in;
    }

    private static Scenario bernheze() {
        try (InputStream yaml = CascadeTopologyTest.class.getClassLoader()
                .getResourceAsStream("scenarios/bernheze-stroomuitval.yaml")) {
            return new ScenarioParser(VALIDATOR).parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private TopologyDriver driver() {
        TopologyDriver driver = new TopologyDriver("cascade-test", b -> SimulationConfiguration.topology(b,
                new StreamEvents(VALIDATOR, "vital-status", SimulationConfiguration.PROCESSOR, CLOCK), RULES,
                new CascadeMetrics(meters), PARTITIONS));
        drivers.add(driver);
        return driver;
    }


    private static InboundEvent event(TestRecord<String, byte[]> r) {
        return TopologyDriver.event(r, Topics.VITAL_STATUS, VALIDATOR);
    }

    private static List<ProviderStatusChanged> statuses(List<TestRecord<String, byte[]>> out, String providerId)
            throws IOException {
        List<ProviderStatusChanged> statuses = new ArrayList<>();
        for (TestRecord<String, byte[]> r : out) {
            if (EventType.PROVIDER_STATUS_CHANGED.type().equals(TopologyDriver.header(r.headers(), CeHeaders.TYPE))) {
                ProviderStatusChanged s = event(r).payload(ProviderStatusChanged.class);
                if (s.providerId().equals(providerId)) {
                    statuses.add(s);
                }
            }
        }
        return statuses;
    }

    @Test
    void theDefaultScenarioCascadesAndEveryOutcomeKeepsItsContractAndCarriesEventTime() throws IOException {
        TopologyDriver driver = driver();
        defaultScenario("oef-a", 900, 72 * H).forEach(driver::pipe);
        List<TestRecord<String, byte[]>> out = driver.output(Topics.VITAL_STATUS);

        assertThat(out).isNotEmpty();
        for (TestRecord<String, byte[]> r : out) {
            InboundEvent e = event(r); // throws when an outcome breaks its contract
            assertThat(e.epochMillis()).as("event time = epoch + scenario time").isEqualTo(EPOCH);
            assertThat(r.key()).isEqualTo(e.subject());
        }
        List<ProviderStatusChanged> mobile = statuses(out, "mobiel-netwerk");
        assertThat(mobile).extracting(ProviderStatusChanged::state).startsWith(ProviderState.ON_BACKUP,
                ProviderState.DOWN);
        assertThat(mobile.get(1).atSeconds()).isBetween(2 * H, 4 * H - 1);
        assertThat(mobile).allMatch(s -> s.source() == StatusSource.SIMULATION);
        assertThat(statuses(out, "alarmnummer-112")).filteredOn(s -> s.state() == ProviderState.DOWN).first()
                .extracting(ProviderStatusChanged::atSeconds).isEqualTo(mobile.get(1).atSeconds());

        // the operator's gauge of providers per state is the cascade's last word on each provider
        java.util.Map<String, ProviderState> last = new java.util.TreeMap<>();
        out.stream().map(CascadeTopologyTest::event).filter(e -> e.type() == EventType.PROVIDER_REGISTERED)
                .forEach(e -> last.put(e.subject(), ProviderState.NORMAL));
        out.stream().map(CascadeTopologyTest::event).filter(e -> e.type() == EventType.PROVIDER_STATUS_CHANGED)
                .map(e -> e.payload(ProviderStatusChanged.class)).forEach(s -> last.put(s.providerId(), s.state()));
        assertThat(last).hasSizeGreaterThan(5);
        for (ProviderState state : ProviderState.values()) {
            assertThat(meters.get("weerbaar.vital.providers").tags("exercise", "oef-a", "state", state.wire()).gauge()
                    .value()).as(state.wire()).isEqualTo(last.values().stream().filter(state::equals).count());
        }
    }

    @Test
    void theSameInputsGiveTheSameEventsIdsIncludedHoweverOftenTheClockTicks() {
        // a fast exercise ticks seldom in scenario time, a slow one often; the cascade decides the same either way
        TopologyDriver often = driver();
        defaultScenario("oef-d", 60, 72 * H).forEach(often::pipe);
        TopologyDriver seldom = driver();
        defaultScenario("oef-d", 4 * H, 72 * H).forEach(seldom::pipe);

        // watermarks follow the clock, so only the decisions are compared
        List<String> a = decisions(often.output(Topics.VITAL_STATUS)).stream().map(TopologyDriver::content)
                .toList();
        List<String> b = decisions(seldom.output(Topics.VITAL_STATUS)).stream().map(TopologyDriver::content)
                .toList();
        assertThat(a).hasSizeGreaterThan(20).isEqualTo(b);
        assertThat(a.stream().map(s -> s.split(" ")[1]).distinct()).as("ids unique").hasSize(a.size());
    }

    @Test
    void everyEventOfTheExerciseTopicDeliveredTwiceGivesTheSameEventsAsOnce() {
        // outage-timeline writes outside a Kafka transaction and may send an event again after a crash (same id,
        // later offset): here every one of them twice in a row, and all of them once more after the run
        List<Record<String, Routed>> scenario = defaultScenario("oef-t", 900, 72 * H);
        TopologyDriver once = driver();
        scenario.forEach(once::pipe);
        TopologyDriver twice = driver();
        TopologyDriver.withExerciseCopies(scenario).forEach(twice::pipe);
        List<String> a = decisions(once.output(Topics.VITAL_STATUS)).stream().map(TopologyDriver::content).toList();
        List<String> b = decisions(twice.output(Topics.VITAL_STATUS)).stream().map(TopologyDriver::content).toList();
        assertThat(a).hasSizeGreaterThan(20);
        assertThat(b).isEqualTo(a);
    }

    private static List<TestRecord<String, byte[]>> decisions(List<TestRecord<String, byte[]>> out) {
        return out.stream().filter(r -> !TopologyDriver.isProgressMark(r)).toList();
    }

    @Test
    void everyDecisionIsFollowedByAWatermarkOnEveryPartitionThatCoversIt() {
        TopologyDriver driver = driver();
        defaultScenario("oef-w", 900, 12 * H).forEach(driver::pipe);
        List<TestRecord<String, byte[]>> out = driver.output(Topics.VITAL_STATUS);

        long lowest = TopologyDriver.assertMarksCoverEveryDecision(out, Topics.VITAL_STATUS, VALIDATOR, PARTITIONS);
        assertThat(lowest).isEqualTo(12 * H);
        TestRecord<String, byte[]> last = out.getLast();
        assertThat(event(last).payload(nl.weerbaar.contracts.ProgressMarked.class).ended()).isTrue();
    }

    @Test
    void stateIsKeptPerProviderAndAStepWritesOnlyWhatItChanged() {
        TopologyDriver driver = driver();
        List<Record<String, Routed>> in = defaultScenario("oef-s", 900, 2 * H);
        in.forEach(driver::pipe);
        KeyValueStore<String, String> providers = driver.<String>store(CascadeState.PROVIDERS);
        KeyValueStore<String, String> exercises = driver.<String>store(CascadeState.EXERCISES);
        assertThat(providers.get("oef-s/mobiel-netwerk")).contains("\"state\":\"on-backup\"");
        assertThat(providers.approximateNumEntries()).isEqualTo(bernheze().providers().size());
        assertThat(exercises.get("oef-s")).contains("\"now\":7200");

        String changelog = "cascade-test-" + CascadeState.PROVIDERS + "-changelog";
        assertThat(driver.output(changelog)).extracting(TestRecord::key).contains("oef-s/enexis-net");
        driver.pipe(TIMELINE.event(EventIds.derived("oef-s", "tick", "late"), "oef-s",
                new ClockTicked("oef-s", 2 * H + 60, 1000, CLOCK.instant()),
                EventContext.of("oef-s", ExerciseStatus.EXERCISE, 2 * H + 60).withEpoch(EPOCH)));
        // a quiet minute changes at most the running backups: the grid's entry is not written again
        List<String> written = driver.output(changelog).stream().map(TestRecord::key).toList();
        assertThat(written).doesNotContain("oef-s/enexis-net").hasSizeLessThan(bernheze().providers().size());
    }

    @Test
    void aStatusPostedOnTheProviderKeyedTopicReachesItsExercisesCascadeAlsoAfterTheEnd() throws IOException {
        TopologyDriver driver = driver();
        List<Record<String, Routed>> in = defaultScenario("oef-p", 900, H);
        Record<String, Routed> finished = in.removeLast();
        in.forEach(driver::pipe);
        driver.output(Topics.VITAL_STATUS);
        // the grid operator says it is back; its dependents follow (the mobile network comes off its batteries)
        driver.pipe(posted("1", ProviderState.NORMAL, H + 60));
        List<TestRecord<String, byte[]>> out = driver.output(Topics.VITAL_STATUS);
        assertThat(statuses(out, "mobiel-netwerk")).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(ProviderState.RESTORED);
            assertThat(s.atSeconds()).isEqualTo(H + 60);
        });
        assertThat(statuses(out, "enexis-net")).as("a posted status is not published again").isEmpty();

        // the exercise ends; a status that comes after is still applied — at the end, not later
        driver.pipe(finished);
        driver.pipe(posted("2", ProviderState.DOWN, H + 600));
        assertThat(statuses(driver.output(Topics.VITAL_STATUS), "mobiel-netwerk")).singleElement()
                .satisfies(s -> {
                    assertThat(s.state()).isEqualTo(ProviderState.ON_BACKUP);
                    assertThat(s.atSeconds()).isEqualTo(H + 60);
                });
    }

    private static Record<String, Routed> posted(String n, ProviderState state, long at) {
        ProviderStatusChanged posted = new ProviderStatusChanged("oef-p", "enexis-net", "netbeheer", state, null,
                null, List.of(), null, List.of(), null, null, StatusSource.PROVIDER, "enexis", null, null, null, at);
        return PROVIDERS.event(EventIds.derived("oef-p", "posted", n), "enexis-net", posted,
                EventContext.of("oef-p", ExerciseStatus.EXERCISE, at).withEpoch(EPOCH));
    }

    @Test
    void aBrokenRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsStillApplied() {
        TopologyDriver driver = driver();
        driver.pipeRaw(Topics.EXERCISE, "oef-x", "{not json".getBytes(StandardCharsets.UTF_8));
        defaultScenario("oef-x", 900, H).forEach(driver::pipe);

        List<TestRecord<String, byte[]>> dead = driver.output(Topics.deadLetter(Topics.EXERCISE));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(TopologyDriver.header(r.headers(), KafkaKitConfiguration.DEAD_LETTER_REASON)).contains("not JSON");
            assertThat(TopologyDriver.header(r.headers(), StreamEvents.DEAD_LETTER_PROCESSOR))
                    .isEqualTo(SimulationConfiguration.PROCESSOR);
        });
        assertThat(driver.output(Topics.VITAL_STATUS)).isNotEmpty();
    }

    @Test
    void aReplayIsARecordingAndIsNeverSimulatedAgain() {
        TopologyDriver driver = driver();
        defaultScenario("oef-r", 900, H).stream()
                .map(r -> {
                    org.apache.kafka.common.header.internals.RecordHeaders h =
                            new org.apache.kafka.common.header.internals.RecordHeaders(r.headers().toArray());
                    h.add(CeHeaders.REPLAY_OF, "oef-original".getBytes(StandardCharsets.UTF_8));
                    return r.withHeaders(h);
                })
                .forEach(driver::pipe);
        assertThat(driver.output(Topics.VITAL_STATUS)).isEmpty();
        assertThat(driver.<String>store(CascadeState.EXERCISES).get("oef-r")).isNull();
    }
}
