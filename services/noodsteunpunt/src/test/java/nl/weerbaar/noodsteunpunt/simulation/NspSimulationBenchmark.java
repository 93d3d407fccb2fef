package nl.weerbaar.noodsteunpunt.simulation;

import static nl.weerbaar.noodsteunpunt.simulation.NspFixtures.RULES;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.PopulationDemand;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.scenario.Backup;
import nl.weerbaar.contracts.scenario.Household;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.streams.ProgressMarks;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.test.TopologyDriver;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (its name keeps it out of the test run): the NSP topology on its own, without a broker,
 * at national size — 1,800 places with two NSPs each, the grid down everywhere, 28,000 households an hour, the clock
 * ticking every minute with vital-status's watermarks. Prints per scenario hour the wall time, the decisions, and
 * what went to the changelog topics (records and MB). Run (see docs/benchmarks.md):
 * <pre>
 * ./mvnw -pl services/noodsteunpunt test -Dtest=NspSimulationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.hours=12 "-DargLine=-Xmx2g -XX:+UseSerialGC"
 * </pre>
 * Properties: {@code bench.places} (1800), {@code bench.hours} (6), {@code bench.households-per-hour} (28000).
 */
class NspSimulationBenchmark {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
    private static final long EPOCH = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();
    private static final long HOUR = 3600;
    private static final String EXERCISE = "oef-bench";
    private static final StreamEvents TIMELINE = new StreamEvents(VALIDATOR, "outage-timeline", "bench", CLOCK);
    private static final StreamEvents VITAL = new StreamEvents(VALIDATOR, "vital-status", "bench", CLOCK);
    private static final String[] NEEDS = {"water", "food", "warmth", "charging", "first-aid"};

    private static EventContext at(long seconds) {
        return EventContext.of(EXERCISE, ExerciseStatus.EXERCISE, seconds).withEpoch(EPOCH);
    }

    @Test
    void nationalNspSimulation() {
        int places = Integer.getInteger("bench.places", 1800);
        int hours = Integer.getInteger("bench.hours", 6);
        int perHour = Integer.getInteger("bench.households-per-hour", 28000);
        Random random = new Random(7);
        List<Place> region = new ArrayList<>();
        List<NspSite> nsps = new ArrayList<>();
        for (int p = 0; p < places; p++) {
            double lat = 50.8 + random.nextDouble() * 2.6;
            double lon = 3.5 + random.nextDouble() * 3.5;
            region.add(new Place("p" + p, "P" + p, lat, lon, 10000, 4000, "1000", 1));
            for (int n = 0; n < 2; n++) {
                nsps.add(new NspSite("nsp-" + p + "-" + n, "NSP " + p + "-" + n, "local", "p" + p, "centrum",
                        lat + random.nextDouble() * 0.01, lon, 250,
                        n == 0 ? List.of("water", "generator") : List.of("water"), "Gemeente"));
            }
        }
        Provider grid = new Provider("grid", "Grid", "netbeheer", region.stream().map(Place::id).toList(),
                List.of("power"), List.of(), List.of(), new Backup("none", 0.0, null), null, null, Provider.GRID);
        try (TopologyDriver driver = new TopologyDriver("nsp-bench", b -> SimulationConfiguration.topology(b,
                new StreamEvents(VALIDATOR, "noodsteunpunt", SimulationConfiguration.PROCESSOR, CLOCK), RULES,
                new NspMetrics(new SimpleMeterRegistry()), 2))) {
            driver.pipe(TIMELINE.event(EventIds.derived(EXERCISE, "scenario-loaded"), EXERCISE, new ScenarioLoaded(
                    EXERCISE, "bench", Text.of("Bench", "Bench"), "NL", 7, 72 * HOUR, List.of(), List.of(grid),
                    region, nsps, List.of(), null, null, null, null), at(0)));
            driver.pipe(VITAL.event(EventIds.derived(EXERCISE, "registered"), grid.id(), new ProviderRegistered(
                    EXERCISE, grid, ProviderRegistered.FROM_SCENARIO, null), at(0)));
            driver.pipe(VITAL.event(EventIds.derived(EXERCISE, "down"), grid.id(), new ProviderStatusChanged(EXERCISE,
                    grid.id(), "netbeheer", ProviderState.DOWN, null, null, List.of(), null, List.of(), null, null,
                    StatusSource.SIMULATION, null, Text.of("stroom uit", "power down"), List.of(), null, 0L), at(0)));
            long start = System.nanoTime();
            long decisions = 0;
            for (int hour = 0; hour < hours; hour++) {
                long hourStart = System.nanoTime();
                if (hour >= 1) {
                    driver.pipe(TIMELINE.event(EventIds.derived(EXERCISE, "demand", Integer.toString(hour)), EXERCISE,
                            demand(hour, places, perHour), at(hour * HOUR)));
                }
                for (long t = hour * HOUR; t < (hour + 1) * HOUR; t += 60) {
                    driver.pipe(TIMELINE.event(EventIds.derived(EXERCISE, "tick", Long.toString(t)), EXERCISE,
                            new ClockTicked(EXERCISE, t, 1000, CLOCK.instant()), at(t)));
                    ProgressMarks.marks(VITAL, EventType.VITAL_PROGRESS_MARKED, "vital-status", EXERCISE, t, false, 2,
                            at(t)).forEach(driver::pipe);
                }
                int out = driver.output(Topics.NOODSTEUNPUNT).size();
                decisions += out;
                long records = 0;
                long bytes = 0;
                for (String topic : driver.driver().producedTopicNames()) {
                    if (!topic.equals(Topics.NOODSTEUNPUNT)) {
                        for (var r : driver.driver().createOutputTopic(topic, new ByteArrayDeserializer(),
                                new ByteArrayDeserializer()).readRecordsToList()) {
                            records++;
                            bytes += r.value() == null ? 0 : r.value().length;
                        }
                    }
                }
                System.out.printf("BENCH T+%02d: %5.1f s, %6d decisions, changelogs %7d records %6.1f MB%n", hour,
                        (System.nanoTime() - hourStart) / 1e9, out, records, bytes / 1e6);
            }
            System.out.printf("BENCH %d hours: %.1f s, %d decisions%n", hours, (System.nanoTime() - start) / 1e9,
                    decisions);
        }
    }

    private static PopulationDemand demand(int hour, int places, int perHour) {
        List<PopulationDemand.PlaceDemand> byPlace = new ArrayList<>();
        for (int p = 0; p < places; p++) {
            List<Household> households = new ArrayList<>();
            for (int i = 0; i < perHour / places; i++) {
                households.add(new Household("hh-" + hour + "-" + p + "-" + i, 1 + i % 4,
                        List.of(NEEDS[(i + p) % NEEDS.length]), i % 7 == 0, "1000"));
            }
            byPlace.add(new PopulationDemand.PlaceDemand("p" + p, Map.of("water", households.size()),
                    households.size(), households));
        }
        return new PopulationDemand(EXERCISE, hour, hour * HOUR, (hour + 1) * HOUR, byPlace);
    }
}
