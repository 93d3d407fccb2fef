package nl.weerbaar.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack's MongoDB-protocol server (mongo-java-server, memory backend) in a JVM of its own, as the broker
 * and the services are: it holds every read model in its heap, and a national exercise's read models fill gigabytes,
 * which in the launcher's JVM starved whatever else ran there (the benchmark's reader). Its heap is set with
 * {@code -Dweerbaar.mongo.jvm="-Xmx10g"} on the launcher (default: the JVM's own, a quarter of the machine).
 */
public final class MongoProcess {

    static final String NAME = "mongodb";
    private static final String PORT = "weerbaar.mongo.port";

    private MongoProcess() {
    }

    /** Serves on 127.0.0.1 at {@code -Dweerbaar.mongo.port} until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", Integer.getInteger(PORT));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongodb-stop"));
        Thread.currentThread().join();
    }

    static void start(StackConfig config, ChildProcesses processes, String java, String classpath)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        String options = System.getProperty("weerbaar.mongo.jvm", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split(" +")));
        }
        command.addAll(List.of("-D" + PORT + "=" + config.mongoPort(), "-cp", classpath,
                MongoProcess.class.getName()));
        processes.start(NAME, command, Map.of(), config.logs().resolve(NAME + ".log"));
    }

    /** Returns once the server accepts connections. */
    static void awaitReady(StackConfig config, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", config.mongoPort()), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200); // polling a starting server; nothing to wait on but time
            }
        }
        throw new IllegalStateException("the MongoDB-protocol server did not come up within " + timeout + "; see "
                + config.logs().resolve(NAME + ".log"));
    }
}
