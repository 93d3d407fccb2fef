package nl.weerbaar.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Benchmark (docs/benchmarks.md, {@code infra/bin/weerbaar bench}): starts the embedded stack and measures in one run
 * <ol>
 *   <li>the raw broker: Kafka's own ProducerPerformance tool, {@code acks=all}, records of the project's typical
 *       size;</li>
 *   <li>the default 72 h scenario played as fast as the system goes: wall time until the clock is at the end, and
 *       until each simulating service has said (its watermark with {@code ended}, on every partition) that it has
 *       processed the whole exercise; events per service, events/s end to end and its ratio to the raw rate;</li>
 *   <li>the resident memory of every process of the stack after the play;</li>
 *   <li>the replay of that recording, as fast as it goes, for two minutes (its rate);</li>
 *   <li>the latency from cause to effect between services with the default scenario at 60×;</li>
 *   <li>a larger region made by the scenario generator, played like the default (the cost curve).</li>
 * </ol>
 */
public final class ExerciseBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MAX_SPEED = 1_000_000;
    /** How long a play may take before the benchmark reports how far each service came (-Dweerbaar.bench.patience). */
    private static final Duration PATIENCE = Duration.parse(System.getProperty("weerbaar.bench.patience", "PT20M"));
    private static final String RAW_TOPIC = "weerbaar.bench.raw";
    /** The replay is measured this long (or to its end): its rate is the figure, not its total time. */
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(2);
    /** How long the read models get to catch up once every service finished a play. */
    private static final Duration READ_MODEL_PATIENCE = Duration.ofMinutes(5);
    private static final int RAW_RECORDS = 200_000;
    /** How long the exercise runs at 60× for the latency figures: three scenario hours, the cascade's busiest. */
    private static final Duration LATENCY_WINDOW = Duration.ofMinutes(3);
    private static final int RECORD_BYTES = 700;
    /**
     * The services' JVM options here (override: -Dweerbaar.bench.jvm="..."): the optimising compiler (C2) and room
     * for a national exercise's state, unlike the quick-start options of an exercise on the stack.
     */
    private static final String THROUGHPUT_JVM = "-Xmx1536m -XX:+UseSerialGC";

    private final HttpClient http = HttpClient.newHttpClient();
    private final EmbeddedStack stack;
    private final StackConfig config;

    private ExerciseBenchmark(EmbeddedStack stack, StackConfig config) {
        this.stack = stack;
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("weerbaar.root", ".")).toAbsolutePath().normalize();
        StackConfig defaults = StackConfig.defaults(root);
        StackConfig config = new StackConfig(root, root.resolve(".weerbaar-bench"), defaults.kafkaPort(),
                defaults.controllerPort(), defaults.mongoPort(), defaults.servicePorts(), false, MAX_SPEED,
                defaults.instances(), null, List.of(System.getProperty("weerbaar.bench.jvm", THROUGHPUT_JVM)
                .split(" ")));
        EmbeddedStack stack = new EmbeddedStack(config);
        // Ctrl-C (or a kill) during a long run stops the stack's processes too, not only this JVM
        Thread stopStack = new Thread(stack::close, "weerbaar-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopStack);
        stack.start();
        new ExerciseBenchmark(stack, config).run();
        Runtime.getRuntime().removeShutdownHook(stopStack);
        stack.close();
    }

    private void run() throws Exception {
        StringBuilder out = new StringBuilder();
        report(out, String.format("%nWeerbaar benchmark (embedded stack on this machine: %d cores)%n",
                Runtime.getRuntime().availableProcessors()));
        String raw = rawProducer();
        double rawRate = Double.parseDouble(raw.replaceAll(".*?([0-9.]+) records/sec.*", "$1"));
        report(out, String.format("  raw broker, ProducerPerformance acks=all, %,d x %d B:%n    %s%n", RAW_RECORDS,
                RECORD_BYTES, raw.trim()));

        if (!"region".equals(System.getProperty("weerbaar.bench.only"))) { // -Dweerbaar.bench.only=region: the curve
            defaultScenario(out, rawRate);
        }

        // a larger region from the scenario generator, for the cost curve (size: -Dweerbaar.bench.places etc.)
        int places = Integer.getInteger("weerbaar.bench.places", 10);
        long inhabitants = Long.getLong("weerbaar.bench.inhabitants", 100_000);
        int nspsPerPlace = Integer.getInteger("weerbaar.bench.nsps-per-place", 2);
        String volunteers = System.getProperty("weerbaar.bench.volunteers-per-thousand"); // null: the template's 10
        int nspCapacity = Integer.getInteger("weerbaar.bench.nsp-capacity-per-thousand", 10);
        create("{\"id\":\"bench-regio\",\"name\":\"Benchmarkregio\",\"places\":" + places
                + ",\"inhabitants\":" + inhabitants + ",\"nspsPerPlace\":" + nspsPerPlace + ",\"seed\":1"
                + ",\"nspCapacityPerThousand\":" + nspCapacity
                + (volunteers == null ? "" : ",\"volunteersPerThousand\":" + volunteers) + "}",
                "/api/scenarios/generated", 201, "id");
        String region = play(out, "bench-regio", String.format("generated region (%,d places, %,d inhabitants, %d NSPs "
                + "per place holding %d per 1,000, 72 h)", places, inhabitants, nspsPerPlace, nspCapacity), rawRate);
        review(out, region);
        residentMemory(out);
        Files.writeString(config.workDir().resolve("benchmark.txt"), out);
    }

    /** The default scenario as fast as it goes, memory per process, its replay, and the latency at 60x. */
    private void defaultScenario(StringBuilder out, double rawRate) throws Exception {
        String live = play(out, "bernheze-stroomuitval", "default scenario (Bernheze, 72 h)", rawRate);
        residentMemory(out);

        long replayStart = System.nanoTime();
        long replayed = replayedWithin(() -> create("{\"autoStart\":true,\"speed\":" + MAX_SPEED + "}",
                "/api/exercises/" + live + "/replay"), replayStart, REPLAY_WINDOW);
        long replayMillis = Duration.ofNanos(System.nanoTime() - replayStart).toMillis();
        report(out, String.format("  replay of that recording: %,d events re-published in the first %,d ms "
                + "(%,.0f events/s)%n", replayed, replayMillis, replayed * 1000.0 / replayMillis));

        latencyAtNominalSpeed(out);
    }

    /**
     * The default scenario at 60× (one scenario minute per second, as exercises are played) for {@link #LATENCY_WINDOW}:
     * for every event that one service published in answer to another's (its causation id names an event on another
     * topic), the time from the cause becoming readable to the effect becoming readable, both seen by one
     * read_committed consumer; p50, p99 and max per service.
     */
    private void latencyAtNominalSpeed(StringBuilder out) throws Exception {
        Map<String, Long> seenAt = new HashMap<>();
        Map<String, String> topicOf = new HashMap<>();
        Map<String, List<Long>> latencies = new TreeMap<>();
        String exerciseId;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                ExerciseRecord.consumerProperties(config.bootstrapServers()))) {
            List<TopicPartition> partitions = ExerciseRecord.assignAll(consumer);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            exerciseId = create("{\"scenarioId\":\"bernheze-stroomuitval\",\"autoStart\":true,\"speed\":60}",
                    "/api/exercises");
            long end = System.nanoTime() + LATENCY_WINDOW.toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    String type = ExerciseRecord.header(r, "ce_type");
                    if (!exerciseId.equals(ExerciseRecord.header(r, "ce_exerciseid")) || type == null
                            || type.endsWith(".progress-marked.v1")) {
                        continue;
                    }
                    long now = System.nanoTime();
                    String id = ExerciseRecord.header(r, "ce_id");
                    seenAt.putIfAbsent(id, now);
                    topicOf.putIfAbsent(id, r.topic());
                    String cause = ExerciseRecord.header(r, "ce_causationid");
                    if (cause != null && seenAt.containsKey(cause) && !topicOf.get(cause).equals(r.topic())) {
                        latencies.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(now - seenAt.get(cause));
                    }
                }
            }
        }
        create("{}", "/api/exercises/" + exerciseId + "/stop", 202, "eventId");
        report(out, String.format("  latency cause -> effect at speed 60, first %d s of the default scenario:%n",
                LATENCY_WINDOW.toSeconds()));
        latencies.forEach((topic, nanos) -> {
            List<Long> sorted = nanos.stream().sorted().toList();
            report(out, String.format("    %-27s %,6d effects: p50 %,5d ms, p99 %,5d ms, max %,5d ms%n", topic,
                    sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.getLast() / 1_000_000));
        });
    }

    private static long percentile(List<Long> sortedNanos, int p) {
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(0, index)) / 1_000_000;
    }

    /**
     * Plays a scenario as fast as the system goes and reports when the clock and each service finished, the events
     * per topic and the rate end to end; returns the exercise id.
     */
    private String play(StringBuilder out, String scenarioId, String title, double rawRate) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(config.bootstrapServers()).start()) {
            return play(out, scenarioId, title, rawRate, lag);
        }
    }

    private String play(StringBuilder out, String scenarioId, String title, double rawRate, ConsumerLag lag)
            throws Exception {
        long start = System.nanoTime();
        String live = create("{\"scenarioId\":\"" + scenarioId + "\",\"autoStart\":true,\"speed\":" + MAX_SPEED
                + "}", "/api/exercises");
        long clockMillis = untilFinished(live, start);
        report(out, String.format("  %s at speed %,.0f:%n", title, MAX_SPEED));
        Map<String, Long> events = new TreeMap<>();
        long[] clockReached = {0};
        ExerciseRecord.Progress progress = ExerciseRecord.readUntilFinishedOrLate(config.bootstrapServers(), live,
                start, PATIENCE, e -> {
                    events.merge(e.topic(), 1L, Long::sum);
                    if (e.topic().equals(ExerciseRecord.TOPICS.getFirst())) {
                        clockReached[0] = Math.max(clockReached[0], e.scenarioTimeSeconds());
                    }
                });
        report(out, clockMillis >= 0 ? String.format("    clock at 72 h after            %,8d ms%n", clockMillis)
                : String.format("    clock NOT at 72 h in %s: its last event at T+%d:%02d%n", PATIENCE,
                clockReached[0] / 3600, clockReached[0] % 3600 / 60));
        Finished finished = new Finished(progress.finishedAt(), events);
        for (String service : ExerciseRecord.MARKING) {
            Long millis = finished.millis().get(service);
            long reached = progress.reachedSeconds().getOrDefault(service, 0L);
            report(out, millis != null ? String.format("    %-14s finished after   %,8d ms%n", service, millis)
                    : String.format("    %-14s NOT finished in %s: at T+%d:%02d%n", service, PATIENCE,
                    reached / 3600, reached % 3600 / 60));
        }
        finished.events().forEach((topic, count) -> report(out, String.format("    %-27s %,8d events%n", topic,
                count)));
        long totalEvents = finished.events().values().stream().mapToLong(Long::longValue).sum();
        long lastMillis = finished.millis().size() < ExerciseRecord.MARKING.size()
                ? Duration.ofNanos(System.nanoTime() - start).toMillis() // so far: events published until now
                : finished.millis().values().stream().mapToLong(Long::longValue).max().orElse(clockMillis);
        double endToEnd = totalEvents * 1000.0 / lastMillis;
        report(out, String.format("    end to end: %,d events in %,d ms = %,.0f events/s = %.1f %% of the raw rate%n",
                totalEvents, lastMillis, endToEnd, 100 * endToEnd / rawRate));
        readModels(out, live, totalEvents, lag, finished.millis().size() == ExerciseRecord.MARKING.size());
        return live;
    }

    /**
     * After a play: the peak lag of the consumer groups (listeners and stream processors); whether every group caught
     * up (lag 0); and whether the recorder's read model counts the exercise's events as the topics hold them. When
     * every service finished, the read models get {@link #READ_MODEL_PATIENCE} to catch up.
     */
    private void readModels(StringBuilder out, String exerciseId, long topicEvents, ConsumerLag lag, boolean finished)
            throws Exception {
        StringBuilder peaks = new StringBuilder("    peak consumer lag (records):");
        lag.peak().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> peaks.append(String.format("%n      %-48s %,10d", e.getKey(), e.getValue())));
        report(out, peaks.append('\n').toString());
        long caughtUp = System.nanoTime();
        long deadline = caughtUp + (finished ? READ_MODEL_PATIENCE.toNanos() : 0);
        Map<String, Long> behind = lag.now();
        long recorded = exercise(exerciseId).path("events").asLong();
        while (System.nanoTime() < deadline && (recorded != topicEvents
                || behind.values().stream().anyMatch(n -> n > 0))) {
            Thread.sleep(1000); // a benchmark's poll interval, not a test's wait
            behind = lag.now();
            recorded = exercise(exerciseId).path("events").asLong();
        }
        Map<String, Long> stillBehind = new TreeMap<>(behind);
        stillBehind.values().removeIf(n -> n == 0);
        report(out, stillBehind.isEmpty()
                ? String.format("    every consumer group caught up (lag 0) %,d ms after the services finished%n",
                Duration.ofNanos(System.nanoTime() - caughtUp).toMillis())
                : String.format("    consumer groups still behind: %s%n", stillBehind));
        report(out, String.format("    recorder's read model: %,d events counted, the topics hold %,d: %s%n", recorded,
                topicEvents, recorded == topicEvents ? "equal" : "NOT equal"));
    }

    /**
     * The after-action review of a played exercise, as the slider asks it: the picture at T+72:00 first (it folds the
     * whole log and keeps a snapshot every scenario hour), then moves to other times, each timed from request to the
     * whole reply.
     */
    private void review(StringBuilder out, String exerciseId) throws Exception {
        report(out, "  review (situatiebeeld's picture at a scenario time, as the slider asks it):\n");
        for (long at : REVIEW_MOVES) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url("situatiebeeld")
                            + "/api/exercises/" + exerciseId + "/picture?at=" + at))
                    .header("Authorization", "Bearer " + stack.token("crisis-team")).timeout(Duration.ofMinutes(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            report(out, String.format("    at T+%02d:%02d  %,8d ms  HTTP %d, %,d bytes%n", at / 3600, at % 3600 / 60,
                    millis, response.statusCode(), response.body().length()));
        }
    }

    /** The slider's moves: the end first (the first request folds the log), then back and forth. */
    private static final List<Long> REVIEW_MOVES = List.of(72 * 3600L, 72 * 3600L, 71 * 3600L + 1800, 48 * 3600L,
            24 * 3600L + 900, 1800L, 72 * 3600L);

    private void residentMemory(StringBuilder out) {
        report(out, "  resident memory per process after the play:\n");
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).forEach(p -> report(out,
                String.format("    %-40s %,8d MB%n", name(p), rssKb(p) / 1024)));
        StringBuilder heaps = new StringBuilder("  heap in use:");
        for (String service : config.servicePorts().keySet()) {
            heaps.append(String.format(" %s %,d MB;", service, heapMb(service)));
        }
        report(out, heaps.append('\n').toString());
    }

    /** A service's heap in use, from its Prometheus metrics ({@code jvm_memory_used_bytes}, area heap); -1 unknown. */
    private long heapMb(String service) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(stack.url(service)
                    + "/actuator/prometheus")).header("Authorization", "Bearer " + stack.token("monitor")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return (long) metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{")
                            && l.contains("area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum() >> 20;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Prints a line at once (a long run shows what it has) and keeps it for the summary file. */
    private static void report(StringBuilder out, String line) {
        System.out.print(line);
        System.out.flush();
        out.append(line);
    }

    /**
     * Events the replay has re-published on the four topics when it finished or the window closed, counted on the
     * topics themselves (the recorder's count lags behind a long play).
     */
    private long replayedWithin(java.util.concurrent.Callable<String> startReplay, long start, Duration window)
            throws Exception {
        long count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                ExerciseRecord.consumerProperties(config.bootstrapServers()))) {
            List<TopicPartition> partitions = ExerciseRecord.assignAll(consumer);
            consumer.seekToEnd(partitions); // the replay's events come after everything already on the topics
            partitions.forEach(consumer::position);
            String exerciseId = startReplay.call();
            boolean finished = false;
            while (!finished && System.nanoTime() - start < window.toNanos()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (exerciseId.equals(ExerciseRecord.header(r, "ce_exerciseid"))) {
                        count++;
                    }
                }
                finished = "FINISHED".equals(exercise(exerciseId).path("state").asText());
            }
        }
        return count;
    }

    /** Kafka's own producer benchmark against the stack's broker, in its own JVM; its summary line. */
    private String rawProducer() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.bootstrapServers()))) {
            // as many partitions as the service topics (the broker creates no topic by itself)
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 3, (short) 1))).all().get();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", RAW_TOPIC,
                "--num-records", Integer.toString(RAW_RECORDS), "--record-size", Integer.toString(RECORD_BYTES),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + config.bootstrapServers(),
                "acks=all", "enable.idempotence=true", "linger.ms=5");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = "";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.contains("records sent") && line.contains("99th")) {
                    summary = line; // the last line: the totals, not an interim report
                }
            }
        }
        if (process.waitFor() != 0 || summary.isEmpty()) {
            throw new IllegalStateException("ProducerPerformance failed");
        }
        return summary;
    }

    private String create(String body, String path) throws IOException, InterruptedException {
        return create(body, path, 202, "exerciseId");
    }

    private String create(String body, String path, int expected, String field)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.url("outage-timeline")
                        + path)).header("Authorization", "Bearer " + stack.token("trainer"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path(field).asText();
    }

    /**
     * Milliseconds from {@code start} until the exercise's clock is FINISHED, polled every 20 ms; -1 when it was not
     * within the patience (the services' progress is reported all the same).
     */
    private long untilFinished(String exerciseId, long start) throws Exception {
        while (!"FINISHED".equals(exercise(exerciseId).path("state").asText())) {
            if (System.nanoTime() - start > PATIENCE.toNanos()) {
                return -1;
            }
            Thread.sleep(20); // a benchmark's poll interval, not a test's wait
        }
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    /** When each service said it had finished the exercise (ms from start), and the events per topic. */
    private record Finished(Map<String, Long> millis, Map<String, Long> events) {
    }

    private JsonNode exercise(String exerciseId) throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(stack.url("outage-timeline")
                        + "/api/exercises/" + exerciseId)).header("Authorization", "Bearer " + stack.token("trainer"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A stack process by what it runs: a service's jar, or the main class of the broker or the MongoDB server. */
    private static String name(ProcessHandle process) {
        List<String> args = List.of(process.info().arguments().orElse(new String[0]));
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-jar") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1)).getFileName().toString();
            }
        }
        return args.isEmpty() ? "pid " + process.pid() : args.getLast();
    }

    private static long rssKb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
