package nl.weerbaar.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded stack's MongoDB-protocol server (mongo-java-server) in a JVM of its own, as the broker and the services
 * are. By default it holds every read model in its heap (memory backend); a national exercise's read models outgrow
 * any heap this machine has (at 10 GB the server spent its time collecting garbage with 3 of some 20 million documents
 * in), so {@code -Dweerbaar.mongo.store=disk} on the launcher keeps them in an H2 MVStore file under the work
 * directory instead, wiped at start like the broker's data. Its heap is set with {@code -Dweerbaar.mongo.jvm="-Xmx2g"}
 * (default: the JVM's own, a quarter of the machine).
 */
public final class MongoProcess {

    static final String NAME = "mongodb";
    private static final String PORT = "weerbaar.mongo.port";
    private static final String FILE = "weerbaar.mongo.file";
    static final Duration RETENTION = Duration.ofMinutes(10);
    static final Duration WRITE_DELAY = Duration.ofSeconds(5);

    private MongoProcess() {
    }

    /**
     * Serves on 127.0.0.1 at {@code -Dweerbaar.mongo.port} until the process is stopped: in memory, or in the file
     * {@code -Dweerbaar.mongo.file} names.
     */
    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(backend(System.getProperty(FILE)));
        server.bind("127.0.0.1", Integer.getInteger(PORT));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongodb-stop"));
        Thread.currentThread().join();
    }

    /** The memory backend, or (a file given) the H2 backend in that file. */
    static MongoBackend backend(String file) {
        return file == null || file.isBlank() ? new MemoryBackend() : new H2Backend(diskStore(file));
    }

    /**
     * The H2 file store, not at {@code MVStore.open}'s defaults: the page cache gets a quarter of the heap instead of
     * 16 MB, so that folds read from memory; chunks are kept for {@link #RETENTION} after they stop being live and the
     * background writer runs every {@link #WRITE_DELAY} instead of every second. The last two were meant against
     * H2's "Chunk … not found" on reads under a national exercise's writes (h2database#4383, open); the next national
     * run still had them (docs/benchmarks.md, session 18): this store is for measuring on one machine, real MongoDB
     * (docker-compose.yml) is the production store.
     */
    static MVStore diskStore(String file) {
        int cacheMegabytes = (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
        MVStore store = new MVStore.Builder().fileName(file).cacheSize(cacheMegabytes).open();
        store.setRetentionTime((int) RETENTION.toMillis());
        store.setAutoCommitDelay((int) WRITE_DELAY.toMillis());
        return store;
    }

    /** Where the server keeps its file when the read models are on disk. */
    static Path dataDir(StackConfig config) {
        return config.workDir().resolve(NAME);
    }

    static void start(StackConfig config, ChildProcesses processes, String java, String classpath)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        String options = System.getProperty("weerbaar.mongo.jvm", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split(" +")));
        }
        command.add("-D" + PORT + "=" + config.mongoPort());
        String store = System.getProperty("weerbaar.mongo.store", "memory");
        switch (store) {
            case "memory" -> { }
            case "disk" -> {
                Files.createDirectories(dataDir(config));
                command.add("-D" + FILE + "=" + dataDir(config).resolve("read-models.mv.db").toAbsolutePath());
            }
            default -> throw new IllegalArgumentException("weerbaar.mongo.store is memory or disk, not " + store);
        }
        command.addAll(List.of("-cp", classpath, MongoProcess.class.getName()));
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
