package nl.weerbaar.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the stack lives and which ports it uses. The defaults are what the README promises; the system test picks
 * free ports so it can run next to a stack someone already started.
 */
public record StackConfig(Path root, Path workDir, int kafkaPort, int controllerPort, int mongoPort,
                          Map<String, Integer> servicePorts, boolean startExercise,
                          double exerciseSpeed, int instances, String exerciseId, List<String> serviceJvmOptions) {

    /** Ports of a service's further instances: its own port plus this step per instance (8081, 8181, 8281 ...). */
    public static final int INSTANCE_PORT_STEP = 100;

    /**
     * The services' JVM options by default: a small heap and C1 only, because an exercise at 60x needs little CPU and
     * five JVMs on two cores start faster without C2. The benchmark asks for C2 ({@link #withServiceJvmOptions}).
     */
    public static final List<String> QUICK_START_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    public StackConfig {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("instances per service must be 1 to 9, not " + instances);
        }
    }

    /** Scenario seconds per second of the default exercise: one scenario minute per second, 72 h in 72 min. */
    public static final double DEFAULT_SPEED = 60;

    /** The services in start order; the live picture last, so it is ready when it is announced. */
    public static Map<String, Integer> defaultServicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("outage-timeline", 8081);
        ports.put("vital-status", 8082);
        ports.put("noodsteunpunt", 8083);
        ports.put("burgerhulp", 8084);
        ports.put("situatiebeeld", 8080);
        return ports;
    }

    public static StackConfig defaults(Path root) {
        double speed = Double.parseDouble(System.getProperty("weerbaar.speed", Double.toString(DEFAULT_SPEED)));
        int instances = Integer.parseInt(System.getProperty("weerbaar.instances", "1"));
        return new StackConfig(root, root.resolve(".weerbaar"), 9092, 9093, 27018, defaultServicePorts(), true, speed,
                instances, null, QUICK_START_JVM);
    }

    /** The same stack with {@code n} instances of every service. */
    public StackConfig withInstances(int n) {
        return new StackConfig(root, workDir, kafkaPort, controllerPort, mongoPort, servicePorts, startExercise,
                exerciseSpeed, n, exerciseId, serviceJvmOptions);
    }

    /** The same stack, its exercise played at this speed. */
    public StackConfig withSpeed(double speed) {
        return new StackConfig(root, workDir, kafkaPort, controllerPort, mongoPort, servicePorts, startExercise,
                speed, instances, exerciseId, serviceJvmOptions);
    }

    /** The same stack, its exercise created under this id (null: a fresh id). */
    public StackConfig withExerciseId(String id) {
        return new StackConfig(root, workDir, kafkaPort, controllerPort, mongoPort, servicePorts, startExercise,
                exerciseSpeed, instances, id, serviceJvmOptions);
    }

    /** The same stack, its services started with these JVM options. */
    public StackConfig withServiceJvmOptions(List<String> options) {
        return new StackConfig(root, workDir, kafkaPort, controllerPort, mongoPort, servicePorts, startExercise,
                exerciseSpeed, instances, exerciseId, options);
    }

    /** The port of instance {@code instance} (0 is the first) of {@code service}. */
    public int port(String service, int instance) {
        return servicePorts.get(service) + instance * INSTANCE_PORT_STEP;
    }

    public String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public Path logs() {
        return workDir.resolve("logs");
    }

    public Path pidFile() {
        return workDir.resolve("stack.pid");
    }

    public Path credentialsFile() {
        return workDir.resolve("credentials.txt");
    }
}
