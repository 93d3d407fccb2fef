package nl.weerbaar.situatiebeeld.log;

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
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.scenario.Objective;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.test.TopologyDriver;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What the objectives' verdicts cost the picture log's topology at a national exercise's scale: help requests
 * escalated by the tens of thousands (each an event the evaluation looks at), through the whole log topology without
 * a broker, against as many events the evaluation passes by. Prints events per second and the evaluation's size in
 * the store. Run with the test classpath: {@code java ... nl.weerbaar.situatiebeeld.log.VerdictBenchmark 20000}
 * (docs/benchmarks.md).
 */
final class VerdictBenchmark {

    private static final String EXERCISE = "oef-bench";

    public static void main(String[] args) {
        int escalations = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        SchemaValidator validator = new SchemaValidator();
        StreamEvents events = new StreamEvents(validator, "situatiebeeld", LogConfiguration.PROCESSOR,
                Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort());
             TopologyDriver driver = new TopologyDriver("verdict-bench", b -> LogConfiguration.topology(b, events,
                     new PictureLog(new MongoTemplate(client, "verdict-bench"))))) {
            driver.pipe(events.event(EventIds.derived("bench", "scenario"), EXERCISE, new ScenarioLoaded(EXERCISE, "s",
                    Text.of("S", "S"), "NL", 1, 259200, List.of(), List.of(), List.of(), List.of(), List.of(), null,
                    null, null, null, List.of(new Objective("geen-escalatie", Text.of("Geen", "None"),
                            new Objective.After(Objective.After.START, null, null), new Objective.Expect(null, null,
                            null, null, null, Objective.Expect.HELP_ESCALATED, null), 1440))),
                    EventContext.of(EXERCISE, ExerciseStatus.EXERCISE, 0)));
            double seconds = 0;
            double logSeconds = 0;
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up; the second is timed
                int offset = round * escalations;
                // as many events the evaluation passes by, through the same topology: what the log costs alone
                long logged = System.nanoTime();
                for (int i = offset; i < offset + escalations; i++) {
                    long at = 3600 + i * 4L;
                    driver.pipe(events.event(EventIds.derived("bench", "ack", Integer.toString(i)), EXERCISE,
                            new nl.weerbaar.contracts.crisisteam.AlertAcknowledged(EXERCISE, "alert-" + i, "nsp-full",
                                    "crisis", at), EventContext.of(EXERCISE, ExerciseStatus.EXERCISE, at)));
                }
                logSeconds = (System.nanoTime() - logged) / 1e9;
                long started = System.nanoTime();
                for (int i = offset; i < offset + escalations; i++) {
                    long at = 3600 + i * 4L;
                    driver.pipe(events.event(EventIds.derived("bench", "x", Integer.toString(i)), "h-" + i,
                            new HelpRequestEscalated(EXERCISE, "h-" + i, "no-volunteer", Text.of("Niemand", "Nobody"),
                                    at),
                            EventContext.of(EXERCISE, ExerciseStatus.EXERCISE, at)));
                }
                seconds = (System.nanoTime() - started) / 1e9;
            }
            Object kept = driver.store(nl.weerbaar.situatiebeeld.verdict.VerdictProcessor.STORE).get(EXERCISE);
            System.out.printf("%d escalations through the log topology with the verdicts in %.1f s: %.0f events/s; "
                    + "as many events the verdicts pass by: %.1f s, %.0f events/s; the evaluation in the store: %d KB%n",
                    escalations, seconds, escalations / seconds, logSeconds, escalations / logSeconds,
                    kept == null ? 0 : kept.toString().length() / 1024);
        } finally {
            server.shutdownNow();
        }
    }
}
