package nl.weerbaar.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The system test: the embedded stack as the README starts it — a real Kafka broker process, the MongoDB-protocol
 * server and the five service jars — on free ports. outage-timeline's event must be consumed and stored by every other
 * service; stopping leaves no process behind; a second start works, with two instances of every service, and killing
 * one instance of each mid-run, and then the broker, changes nothing in what the exercise puts on the record
 * (scale-out and kill test of issue 14; the broker restart of issue 15).
 */
class EmbeddedStackSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The default 72 h scenario at 20,000 scenario seconds per second: about 13 s of wall time. */
    private static final double FAST = 20_000;
    /** Both runs play the same exercise id, so their derived event ids can be compared. */
    private static final String EXERCISE = "oef-systeemtest";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void anEventOfOneServiceIsConsumedAndStoredByTheOthersAndStopLeavesNothingBehind() throws Exception {
        StackConfig config = freePorts();
        String first;
        Map<String, String> singleInstanceRun;
        try (EmbeddedStack stack = new EmbeddedStack(config.withExerciseId(EXERCISE))) {
            stack.start();
            first = stack.exerciseId();
            assertThat(first).isEqualTo(EXERCISE);
            for (String service : new String[] {"vital-status", "noodsteunpunt", "burgerhulp", "situatiebeeld"}) {
                await().atMost(DOWNSTREAM).untilAsserted(() -> {
                    HttpResponse<String> response = get(stack, service, "/api/exercise-clocks/" + first);
                    assertThat(response.statusCode()).as(service).isEqualTo(200);
                    JsonNode clock = JSON.readTree(response.body());
                    assertThat(clock.path("scenarioId").asText()).isEqualTo("bernheze-stroomuitval");
                    assertThat(clock.path("status").asText()).isEqualTo("Exercise");
                });
            }
            assertThat(Files.readString(config.credentialsFile())).contains("crisisteam");

            // the default scenario plays its 72 h at high speed: every inject once, and every service sees the end
            await().atMost(DOWNSTREAM).untilAsserted(() -> {
                JsonNode exercise = JSON.readTree(get(stack, "outage-timeline", "/api/exercises/" + first).body());
                assertThat(exercise.path("state").asText()).isEqualTo("FINISHED");
                assertThat(exercise.path("scenarioTimeSeconds").asLong()).isEqualTo(72 * 3600);
                assertThat(exercise.at("/eventsByType/inject-fired").asInt()).isEqualTo(41);
                assertThat(exercise.at("/eventsByType/population-demand").asInt()).isEqualTo(72);
            });
            await().atMost(DOWNSTREAM).untilAsserted(() -> assertThat(JSON.readTree(
                    get(stack, "situatiebeeld", "/api/exercise-clocks/" + first).body()).path("state").asText())
                    .isEqualTo("FINISHED"));
            // the outage propagated to vital-status: 112 went down in the run and came back with the grid
            await().atMost(DOWNSTREAM).untilAsserted(() -> {
                JsonNode history = JSON.readTree(get(stack, "vital-status",
                        "/api/exercises/" + first + "/providers/alarmnummer-112/history").body());
                List<String> states = new ArrayList<>();
                history.forEach(h -> states.add(h.path("state").asText()));
                assertThat(states).containsExactly("down", "restored");
            });
            // and on to the noodsteunpunten: Heesch opened by policy, took people in, and closed after restoration
            await().atMost(DOWNSTREAM).untilAsserted(() -> {
                JsonNode history = JSON.readTree(get(stack, "noodsteunpunt",
                        "/api/exercises/" + first + "/nsps/nsp-heesch/history").body());
                List<String> states = new ArrayList<>();
                history.forEach(h -> states.add(h.path("state").asText()));
                assertThat(states).startsWith("opening", "open").endsWith("closed");
                JsonNode arrivals = JSON.readTree(get(stack, "noodsteunpunt",
                        "/api/exercises/" + first + "/nsps/nsp-heesch/check-ins?all=true").body());
                assertThat(arrivals.size()).isPositive();
            });
            singleInstanceRun = eventsOnceEach(config, first);
            everyMetricTheDashboardsAndAlertsNameIsExposed(stack);
        }
        assertThat(aliveChildren()).as("processes left after stop").isZero();
        assertThat(config.pidFile()).doesNotExist();

        // a second start works, here with two instances of every service and a quarter of the speed; one of each is
        // killed mid-run (SIGKILL), then the broker is killed and restarted, and what the exercise puts on the record
        // is the single-instance run's, event for event, ids included: nothing lost, nothing twice
        try (EmbeddedStack again = new EmbeddedStack(config.withExerciseId(EXERCISE).withInstances(2)
                .withSpeed(FAST / 4))) {
            again.start();
            assertThat(again.exerciseId()).isEqualTo(first);
            int clockOwner = await().atMost(DOWNSTREAM).until(() -> clockDrivenBy(again), owner -> owner >= 0);
            await().atMost(DOWNSTREAM).until(() -> JSON.readTree(get(again, "outage-timeline", 1 - clockOwner,
                    "/api/exercises/" + first).body()).path("scenarioTimeSeconds").asLong() >= 24 * 3600);
            again.kill("outage-timeline", clockOwner);
            for (String service : new String[] {"vital-status", "noodsteunpunt", "burgerhulp", "situatiebeeld"}) {
                again.kill(service, 1);
            }
            // and the broker itself is killed and started again on its log while the survivors play on (issue 15)
            await().atMost(DOWNSTREAM).until(() -> JSON.readTree(get(again, "outage-timeline", 1 - clockOwner,
                    "/api/exercises/" + first).body()).path("scenarioTimeSeconds").asLong() >= 36 * 3600);
            again.restartBroker();
            Map<String, String> faultRun = eventsOnceEach(config, first);
            Map<String, String> single = singleInstanceRun;
            System.out.printf("fault accounting (an instance of every service SIGKILLed, the broker killed and "
                            + "restarted): single-instance run %d events, this run %d, lost %d, extra %d, changed %d, "
                            + "twice 0%n", single.size(), faultRun.size(),
                    single.keySet().stream().filter(id -> !faultRun.containsKey(id)).count(),
                    faultRun.keySet().stream().filter(id -> !single.containsKey(id)).count(),
                    faultRun.entrySet().stream().filter(e -> single.containsKey(e.getKey())
                            && !single.get(e.getKey()).equals(e.getValue())).count());
            assertThat(faultRun).as("events of the run with killed instances").isEqualTo(singleInstanceRun);
            await().atMost(DOWNSTREAM).untilAsserted(() -> assertThat(JSON.readTree(get(again, "outage-timeline",
                    1 - clockOwner, "/api/exercises/" + first).body()).path("state").asText()).isEqualTo("FINISHED"));
            assertThat(get(again, "situatiebeeld", "/actuator/health").statusCode()).isEqualTo(200);
        }
        assertThat(aliveChildren()).isZero();
    }

    /** Issue 16: a dashboard or alert rule on a metric that no running service exposes is a silent blind spot. */
    private void everyMetricTheDashboardsAndAlertsNameIsExposed(EmbeddedStack stack) throws Exception {
        Set<String> named = MonitoringNames.named(Path.of(System.getProperty("weerbaar.root")));
        assertThat(named).contains("weerbaar_dead_letters_total", "kafka_consumer_fetch_manager_records_lag_max");
        Set<String> exposed = new TreeSet<>();
        for (String service : StackConfig.defaultServicePorts().keySet()) {
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(stack.url(service)
                    + "/actuator/prometheus")).header("Authorization", "Bearer " + stack.token("monitor")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as(service).isEqualTo(200);
            exposed.addAll(MonitoringNames.exposed(scrape.body()));
        }
        assertThat(named).as("named by dashboards or alert rules, exposed by no service")
                .allSatisfy(name -> assertThat(exposed).contains(name));
    }

    /** The instance of outage-timeline that drives the exercise's clock, or -1 while neither says so yet. */
    private int clockDrivenBy(EmbeddedStack stack) throws IOException, InterruptedException {
        for (int instance = 0; instance < 2; instance++) {
            if (JSON.readTree(get(stack, "outage-timeline", instance, "/api/exercises/" + EXERCISE + "/clock").body())
                    .path("drivenHere").asBoolean()) {
                return instance;
            }
        }
        return -1;
    }

    /**
     * The exercise's events once every service has finished it, by id: type, scenario time and payload, without
     * what differs between runs by nature — the clock's own state changes (their reasons and wall times record how
     * the exercise was driven), wall times and the clock's speed. Fails if an id is on the record twice.
     */
    private static Map<String, String> eventsOnceEach(StackConfig config, String exerciseId) {
        Map<String, String> events = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        ExerciseRecord.readUntilFinished(config.bootstrapServers(), exerciseId, System.nanoTime(),
                DOWNSTREAM.multipliedBy(2), e -> {
                    if (e.type().endsWith(".exercise.created.v1") || e.type().endsWith(".state-changed.v1")
                            && e.topic().equals("weerbaar.exercise.v1")) {
                        return;
                    }
                    JsonNode payload = e.payload();
                    if (payload instanceof ObjectNode object) {
                        object.remove(List.of("wallTime", "speed"));
                    }
                    if (events.put(e.id(), e.type() + "@" + e.scenarioTimeSeconds() + " " + payload) != null) {
                        twice.add(e.id() + " " + e.type());
                    }
                });
        assertThat(twice).as("events on the record twice").isEmpty();
        assertThat(events).hasSizeGreaterThan(10_000);
        return events;
    }

    /**
     * How long the services downstream of the timeline may take to work through 72 h played at 20,000× on two
     * busy cores (they take the records as fast as they can; the wait ends as soon as the assertion holds, so the
     * bound costs nothing when they are quick: a clean-clone run with a busy loop on one core took 215 s for the
     * whole test, so three minutes per step left too little room).
     */
    private static final Duration DOWNSTREAM = Duration.ofMinutes(5);

    private HttpResponse<String> get(EmbeddedStack stack, String service, String path)
            throws IOException, InterruptedException {
        return get(stack, service, 0, path);
    }

    private HttpResponse<String> get(EmbeddedStack stack, String service, int instance, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stack.url(service, instance) + path))
                .header("Authorization", "Bearer " + stack.token("crisis-team")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long aliveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    private StackConfig freePorts() throws IOException {
        Map<String, Integer> services = new LinkedHashMap<>();
        for (String name : StackConfig.defaultServicePorts().keySet()) {
            services.put(name, freePort());
        }
        Path root = Path.of(System.getProperty("weerbaar.root")).toAbsolutePath();
        return new StackConfig(root, work, freePort(), freePort(), freePort(), services, true, FAST, 1, null,
                StackConfig.QUICK_START_JVM);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
