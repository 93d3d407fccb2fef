package nl.weerbaar.kit.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
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
    private static MongoBackend backend;
    private static int port;

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
            backend = keptOpen(new MemoryBackend());
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            port = server.getLocalAddress().getPort();
        }
        // a store that is away is noticed in seconds, not after the driver's default of 30
        return "mongodb://127.0.0.1:" + port + "/" + database + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000";
    }

    /** Fault tests: the server goes away (connections closed, nothing listening); its data stays. */
    public static synchronized void outage() {
        server.shutdownNow();
    }

    /** Fault tests: the server is back on the same port with the same data. */
    public static synchronized void restore() {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    /** The backend with {@code close()} left out: a server that shuts down would otherwise drop its data. */
    private static MongoBackend keptOpen(MongoBackend real) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
