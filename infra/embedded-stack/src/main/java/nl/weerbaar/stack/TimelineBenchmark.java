package nl.weerbaar.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Benchmark (docs/measurements.md): starts the embedded stack, plays the default 72 h scenario as fast as the system
 * goes, then replays the whole recording as fast as it goes, and prints the wall times. Run:
 * {@code infra/bin/weerbaar bench}.
 */
public final class TimelineBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MAX_SPEED = 1_000_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final EmbeddedStack stack;

    private TimelineBenchmark(EmbeddedStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("weerbaar.root", ".")).toAbsolutePath().normalize();
        StackConfig defaults = StackConfig.defaults(root);
        StackConfig config = new StackConfig(root, root.resolve(".weerbaar-bench"), defaults.kafkaPort(),
                defaults.controllerPort(), defaults.mongoPort(), defaults.servicePorts(), false, MAX_SPEED);
        try (EmbeddedStack stack = new EmbeddedStack(config)) {
            stack.start();
            new TimelineBenchmark(stack).run();
        }
    }

    private void run() throws Exception {
        String live = create("{\"scenarioId\":\"bernheze-stroomuitval\",\"autoStart\":true,\"speed\":" + MAX_SPEED + "}",
                "/api/exercises");
        long playMillis = untilFinished(live);
        long events = settledCount(live);
        String replay = create("{\"autoStart\":true,\"speed\":" + MAX_SPEED + "}", "/api/exercises/" + live + "/replay");
        long replayMillis = untilFinished(replay);
        long replayed = settledCount(replay);
        System.out.printf("""

                Weerbaar timeline benchmark (default scenario, 72 h, speed %,.0f)
                  play 72 h:        %,6d ms   %,d events on the record (%,.0f events/s)
                  replay 72 h:      %,6d ms   %,d events re-published (%,.0f events/s)
                """, MAX_SPEED, playMillis, events, events * 1000.0 / playMillis, replayMillis, replayed,
                replayed * 1000.0 / replayMillis);
    }

    private String create(String body, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url("outage-timeline") + path))
                .header("Authorization", "Bearer " + stack.token("trainer")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("exerciseId").asText();
    }

    /** Milliseconds from now until the exercise is FINISHED, polled every 20 ms. */
    private long untilFinished(String exerciseId) throws Exception {
        long start = System.nanoTime();
        while (!"FINISHED".equals(exercise(exerciseId).path("state").asText())) {
            if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException(exerciseId + " did not finish in 10 minutes");
            }
            Thread.sleep(20); // a benchmark's poll interval, not a test's wait
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** The exercise's event count once the recorder has counted everything (two equal readings a second apart). */
    private long settledCount(String exerciseId) throws Exception {
        long last = -1;
        while (true) {
            long now = exercise(exerciseId).path("events").asLong();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(1000);
        }
    }

    private JsonNode exercise(String exerciseId) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(stack.url("outage-timeline")
                        + "/api/exercises/" + exerciseId)).header("Authorization", "Bearer " + stack.token("trainer"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
