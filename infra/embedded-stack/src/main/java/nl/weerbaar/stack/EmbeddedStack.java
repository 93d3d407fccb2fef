package nl.weerbaar.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The embedded default: one command brings up a real Kafka broker (KRaft, own JVM, data on disk), a MongoDB-protocol
 * server (mongo-java-server, own JVM) and the five services (own JVMs), waits until all are healthy and starts
 * the default exercise. Every start is a fresh exercise environment: the read models live in memory, so the broker's
 * data is wiped at start rather than left inconsistent with them.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    private final StackConfig config;
    private final ChildProcesses processes = new ChildProcesses();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Credentials credentials;
    private Instant startedAt = Instant.now();
    private String javaCommand;
    private KafkaBroker kafka;
    private String brokerClasspath;
    /** The id of the exercise the stack starts, chosen here so the volunteer's token can hold in it alone. */
    private final String plannedExerciseId;
    private String exerciseId;

    public EmbeddedStack(StackConfig config) {
        this.config = config;
        this.plannedExerciseId = config.exerciseId() != null ? config.exerciseId()
                : "oef-" + java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(4));
        this.credentials = new Credentials(config.startExercise() ? plannedExerciseId : null);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("weerbaar.root", ".")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.defaults(root);
        String command = args.length == 0 ? "start" : args[0];
        switch (command) {
            case "start" -> runInForeground(config);
            case "stop" -> System.exit(stopRunning(config) ? 0 : 1);
            case "rebuild" -> System.exit(RebuildCommand.run(config, List.of(args).subList(1, args.length)));
            default -> {
                System.err.println("usage: weerbaar start|stop|rebuild <service> [read-model]");
                System.exit(2);
            }
        }
    }

    private static void runInForeground(StackConfig config) throws Exception {
        Long running = runningPid(config);
        if (running != null) {
            System.err.println("Weerbaar draait al (pid " + running + "). Stop eerst met: infra/bin/weerbaar stop");
            System.err.println("Weerbaar is already running (pid " + running + "). Stop it first: infra/bin/weerbaar stop");
            System.exit(1);
        }
        EmbeddedStack stack = new EmbeddedStack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Weerbaar stopt / stopping ...");
            stack.close();
            stopped.countDown();
        }, "weerbaar-stop"));
        Instant begin = Instant.now();
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("Starten mislukt / start failed: " + e.getMessage());
            System.exit(1);
        }
        stack.announce(Duration.between(begin, Instant.now()));
        stopped.await();
    }

    /** Starts everything and returns when all services are healthy (and the default exercise exists). */
    public void start() throws IOException, InterruptedException {
        startedAt = Instant.now();
        Files.createDirectories(config.workDir());
        wipe(config.workDir().resolve("kafka"));
        wipe(MongoProcess.dataDir(config));
        wipe(config.logs());
        Files.createDirectories(config.logs());
        requireFreePorts();
        Files.writeString(config.pidFile(), Long.toString(ProcessHandle.current().pid()));
        credentials.write(config.credentialsFile());

        javaCommand = ProcessHandle.current().info().command().orElse("java");
        String java = javaCommand;
        kafka = new KafkaBroker(config, processes);
        // the broker's and the MongoDB server's JVMs get this module's classes and dependency folder (copied at build
        // time), whatever started the stack
        Path module = config.root().resolve("infra/embedded-stack/target").toAbsolutePath();
        brokerClasspath = module.resolve("lib") + "/*";
        kafka.start(java, brokerClasspath);
        MongoProcess.start(config, processes, java, module.resolve("classes") + File.pathSeparator
                + module.resolve("lib") + "/*");
        progress("Kafka-broker en MongoDB-server starten", "starting the Kafka broker and the MongoDB server");
        kafka.awaitReady(STARTUP_TIMEOUT);
        progress("Kafka-broker klaar", "Kafka broker ready on " + config.bootstrapServers());
        MongoProcess.awaitReady(config, STARTUP_TIMEOUT);
        progress("MongoDB-server klaar", "MongoDB server ready on port " + config.mongoPort());

        String springJson = credentials.springJson();
        // instances of one service share its MongoDB database and its consumer groups, as replicas of a deployment do
        for (int instance = 0; instance < config.instances(); instance++) {
            for (String service : config.servicePorts().keySet()) {
                Map<String, String> env = new LinkedHashMap<>();
                env.put("PORT", Integer.toString(config.port(service, instance)));
                env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", config.bootstrapServers());
                env.put("SPRING_DATA_MONGODB_URI", "mongodb://127.0.0.1:" + config.mongoPort() + "/weerbaar-" + service);
                env.put("SPRING_APPLICATION_JSON", springJson);
                List<String> command = new ArrayList<>(List.of(java));
                command.addAll(config.serviceJvmOptions());
                command.addAll(List.of("-jar", serviceJar(service).toString()));
                processes.start(processName(service, instance), command, env,
                        config.logs().resolve(processName(service, instance) + ".log"));
            }
        }
        progress("de diensten starten", "starting the services (the first start takes a minute)");
        for (int instance = 0; instance < config.instances(); instance++) {
            for (String service : config.servicePorts().keySet()) {
                awaitHealthy(processName(service, instance), config.port(service, instance));
                progress(processName(service, instance) + " klaar", processName(service, instance) + " ready on port "
                        + config.port(service, instance));
            }
        }
        if (config.startExercise()) {
            exerciseId = createDefaultExercise();
            progress("oefening " + exerciseId + " gestart", "exercise " + exerciseId + " started");
        }
    }

    public String exerciseId() {
        return exerciseId;
    }

    public String token(String name) {
        return credentials.token(name);
    }

    public String url(String service) {
        return url(service, 0);
    }

    public String url(String service, int instance) {
        return "http://localhost:" + config.port(service, instance);
    }

    /**
     * Kills the broker (SIGKILL) and starts it again on its log, as an operator's restart or a crash would: the
     * services stay up and must ride it out. Returns when the broker answers again.
     */
    public void restartBroker() throws IOException, InterruptedException {
        processes.kill("kafka");
        kafka.start(javaCommand, brokerClasspath);
        kafka.awaitReady(STARTUP_TIMEOUT);
    }

    /** Kills an instance of a service at once (SIGKILL): no shutdown hook, no goodbye to Kafka's groups. */
    public void kill(String service, int instance) {
        processes.kill(processName(service, instance));
    }

    /** {@code burgerhulp}, {@code burgerhulp-2}, ...: the name of an instance's process and log. */
    private static String processName(String service, int instance) {
        return instance == 0 ? service : service + "-" + (instance + 1);
    }

    @Override
    public void close() {
        processes.stopAll();
        try {
            Files.deleteIfExists(config.pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of what the start is doing, with the seconds since it began: a first start takes minutes. */
    private void progress(String dutch, String english) {
        System.out.printf("  [%3d s] %s / %s%n", Duration.between(startedAt, Instant.now()).toSeconds(), dutch, english);
    }

    private void announce(Duration took) {
        String picture = url("situatiebeeld") + "/";
        System.out.printf("""

                Weerbaar draait / is running (opgestart in / started in %d s).
                  Situatiebeeld (live picture):  %s
                  Gebruiker / user:              crisisteam, wachtwoord / password and API tokens in %s
                  Oefening / exercise:           %s
                  API-beschrijvingen / API docs: %s/swagger-ui.html (and ports %s%s)
                  Logs:                          %s
                Stoppen / stop: Ctrl-C, of / or: infra/bin/weerbaar stop
                %n""", took.toSeconds(), picture, config.credentialsFile(), exerciseId == null ? "-" : exerciseId,
                url("outage-timeline"), config.servicePorts().values(), config.instances() == 1 ? ""
                        : "; " + config.instances() + " instances each, the next on port + "
                        + StackConfig.INSTANCE_PORT_STEP, config.logs());
    }

    private String createDefaultExercise() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("outage-timeline") + "/api/exercises"))
                .header("Authorization", "Bearer " + credentials.token("trainer"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenarioId\":\"bernheze-stroomuitval\",\"autoStart\":true,"
                        + "\"exerciseId\":\"" + plannedExerciseId + "\","
                        + "\"speed\":" + config.exerciseSpeed() + "}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the default exercise was refused: " + response.statusCode() + " " + response.body());
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("exerciseId").asText();
    }

    private void awaitHealthy(String service, int port) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(3)).build();
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500); // polling a starting process; nothing to wait on but time
        }
        throw new IllegalStateException(service + " was not healthy within " + STARTUP_TIMEOUT + "; see "
                + config.logs().resolve(service + ".log"));
    }

    private Path serviceJar(String service) throws IOException {
        Path target = config.root().resolve("services").resolve(service).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, service + "-*-exec.jar")) {
                found.forEach(jars::add);
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no runnable jar for " + service + " under " + target
                    + "; build first (infra/bin/weerbaar start does)");
        }
        return jars.getFirst();
    }

    private void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(List.of(config.kafkaPort(), config.controllerPort(), config.mongoPort()));
        for (int instance = 0; instance < config.instances(); instance++) {
            for (String service : config.servicePorts().keySet()) {
                ports.add(config.port(service, instance));
            }
        }
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is in use; stop what uses it (or a running stack)");
            }
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Long runningPid(StackConfig config) throws IOException {
        if (!Files.exists(config.pidFile())) {
            return null;
        }
        long pid = Long.parseLong(Files.readString(config.pidFile()).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid).orElse(null);
    }

    /** {@code weerbaar stop}: ends a stack started elsewhere; its shutdown hook stops the children. */
    static boolean stopRunning(StackConfig config) throws IOException {
        Long pid = runningPid(config);
        if (pid == null) {
            System.out.println("Weerbaar draait niet / is not running.");
            return true;
        }
        ProcessHandle stack = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> children = stack.descendants().toList();
        ChildProcesses.stop(stack);
        children.stream().filter(ProcessHandle::isAlive).forEach(ChildProcesses::stop);
        System.out.println("Weerbaar gestopt / stopped.");
        return true;
    }
}
