package nl.weerbaar.kit.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code weerbaar.mongo.in-process=true} (tests, a single service on a laptop) starts one MongoDB-protocol
 * server (mongo-java-server, memory backend) per JVM and points Spring Data at it. See DESIGN.md §7 for its limits:
 * the code uses only lookups by {@code _id} or unique keys.
 */
public class InProcessMongo implements EnvironmentPostProcessor {

    private static MongoServer server;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("weerbaar.mongo.in-process", Boolean.class, false)) {
            return;
        }
        String database = environment.getProperty("spring.data.mongodb.database",
                environment.getProperty("spring.application.name", "weerbaar"));
        environment.getPropertySources().addFirst(new MapPropertySource("weerbaarInProcessMongo",
                Map.of("spring.data.mongodb.uri", uri(database))));
    }

    /** The shared server's connection string for {@code database}, starting the server on first use. */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
