package nl.weerbaar.situatiebeeld.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.crisisteam.ExpectationEvaluated;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.scenario.Objective;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.test.TopologyDriver;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The verdicts on the topic, without a broker: the objective's clock starts when the grid fails (pending), the
 * crisis team's decision meets it (met); each verdict is published once, with an id derived from what it says, also
 * when the inputs come again; and after a restart the processor goes on from what its store committed.
 */
class VerdictTopologyTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final StreamEvents EVENTS = new StreamEvents(VALIDATOR, "situatiebeeld", LogConfiguration.PROCESSOR,
            CLOCK);
    private static final String EXERCISE = "oef-v";

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private TopologyDriver driver;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        PictureLog log = new PictureLog(new MongoTemplate(client, "verdict-test"));
        driver = new TopologyDriver("verdict-test", b -> LogConfiguration.topology(b, EVENTS, log));
    }

    @AfterEach
    void stop() {
        driver.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void eachVerdictIsPublishedOnceWithItsEvidence() {
        Record<String, Routed> scenario = event("e-1", EXERCISE, new ScenarioLoaded(EXERCISE, "s", Text.of("S", "S"),
                "B", 1, 21600, List.of(), List.of(new Provider("net", "Net", "energie", List.of(), List.of(), List.of(),
                List.of(), new nl.weerbaar.contracts.scenario.Backup("none", 0.0, null), false, null, Provider.GRID)),
                List.of(), List.of(), List.of(), null, null, null, null,
                List.of(new Objective("brandstof", Text.of("Voorrang", "Priority"), new Objective.After(
                        Objective.After.PROVIDER_DOWN, Provider.GRID, null), new Objective.Expect("fuel-priority",
                        "ziekenhuis", null, null, null, null, null), 60))), 0);
        Record<String, Routed> down = event("e-2", "net", new ProviderStatusChanged(EXERCISE, "net", "energie",
                ProviderState.DOWN, ProviderState.NORMAL, null, List.of(), null, List.of(), null, null,
                StatusSource.SIMULATION, null, Text.of("stroom weg", "power gone"), List.of(), null, 0), 0);
        Record<String, Routed> tick = event("e-3", EXERCISE, new ClockTicked(EXERCISE, 1800, 60, Instant.EPOCH), 1800);
        Record<String, Routed> decided = event("e-4", EXERCISE, new Decision(EXERCISE, "d-1",
                DecisionKind.FUEL_PRIORITY, null, "ziekenhuis", null, null, null, null, null, null, "nodig", "crisis",
                2400), 2400);
        // the outage before the scenario (another topic), then everything again: nothing said twice
        for (Record<String, Routed> r : List.of(down, scenario, tick, decided, down, tick, decided)) {
            driver.pipe(r);
        }
        List<TestRecord<String, byte[]>> out = driver.output(Topics.CRISIS_TEAM);
        List<ExpectationEvaluated> said = verdicts(out);
        assertThat(said).extracting(ExpectationEvaluated::verdict, ExpectationEvaluated::startedAtSeconds,
                        ExpectationEvaluated::evidenceAtSeconds, ExpectationEvaluated::evidenceEventId,
                        ExpectationEvaluated::atSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pending", 0L, null, null, 0L),
                        org.assertj.core.groups.Tuple.tuple("met", 0L, 2400L, id("e-4"), 2400L));
        List<String> ids = out.stream()
                .map(r -> TopologyDriver.header(r.headers(), nl.weerbaar.contracts.CeHeaders.ID)).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates();

        // restarted: what the store committed holds — a trainer's objective set now is met by what came before
        driver = driver.restarted();
        driver.pipe(event("e-5", EXERCISE, new ClockTicked(EXERCISE, 7200, 60, Instant.EPOCH), 7200));
        driver.pipe(event("e-6", EXERCISE, new nl.weerbaar.contracts.exercise.ObjectiveSet(EXERCISE, new Objective(
                "laat", Text.of("Laat", "Late"), new Objective.After(Objective.After.START, null, null),
                new Objective.Expect("fuel-priority", null, null, null, null, null, null), 30), "trainer", 7200), 7200));
        assertThat(verdicts(driver.output(Topics.CRISIS_TEAM))).extracting(ExpectationEvaluated::objectiveId,
                ExpectationEvaluated::verdict, ExpectationEvaluated::evidenceAtSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("laat", "met-late", 2400L));
    }

    private static List<ExpectationEvaluated> verdicts(List<TestRecord<String, byte[]>> out) {
        return out.stream().map(r -> TopologyDriver.event(r, Topics.CRISIS_TEAM, VALIDATOR)
                .payload(ExpectationEvaluated.class)).toList();
    }

    private static Record<String, Routed> event(String name, String key, Object payload, long at) {
        return EVENTS.event(id(name), key, payload, EventContext.of(EXERCISE, ExerciseStatus.EXERCISE, at));
    }

    private static String id(String name) {
        return nl.weerbaar.kit.events.EventIds.derived("verdict-test", name);
    }
}
