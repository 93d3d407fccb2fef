package nl.weerbaar.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the stack lives and which ports it uses. The defaults are what the README promises; the system test picks
 * free ports so it can run next to a stack someone already started.
 */
public record StackConfig(Path root, Path workDir, int kafkaPort, int controllerPort, int mongoPort,
                          Map<String, Integer> servicePorts, boolean startExercise,
                          double exerciseSpeed) {

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
        return new StackConfig(root, root.resolve(".weerbaar"), 9092, 9093, 27018, defaultServicePorts(), true, speed);
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
