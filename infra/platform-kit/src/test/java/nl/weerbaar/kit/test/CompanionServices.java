package nl.weerbaar.kit.test;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Other Weerbaar services, started in the test JVM against the same embedded broker and MongoDB-protocol server,
 * so a service is tested with the real services it consumes from (never with hand-made events). One instance per
 * service class and JVM, shared by every test class, like the broker.
 */
public final class CompanionServices {

    private static final Map<Class<?>, ConfigurableApplicationContext> RUNNING = new ConcurrentHashMap<>();

    private CompanionServices() {
    }

    /**
     * The running companion {@code application}, started on first use. Its settings are given as command-line
     * arguments, because those win over the {@code application.yml} of the module under test on the classpath.
     */
    public static ConfigurableApplicationContext start(Class<?> application, String name, String brokers) {
        return RUNNING.computeIfAbsent(application, app -> run(app, name, brokers, false));
    }

    /**
     * One more instance of {@code application}, not shared: a test of scale-out or restart starts it beside the
     * service under test (same database, same consumer groups) and closes it itself.
     */
    public static ConfigurableApplicationContext instance(Class<?> application, String name, String brokers) {
        return run(application, name, brokers, true);
    }

    /**
     * A shared companion gets no shutdown hook of its own: the JVM runs its hooks at once, and one that found the
     * broker gone first waited out every client's close timeout (the test JVM took 30 s to end). {@link Closer}
     * closes them with the test context instead, before its broker.
     */
    private static ConfigurableApplicationContext run(Class<?> application, String name, String brokers,
                                                      boolean shutdownHook) {
        return new SpringApplicationBuilder(application).registerShutdownHook(shutdownHook).run(
                "--spring.application.name=" + name,
                "--spring.data.mongodb.database=weerbaar-" + name,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--weerbaar.mongo.in-process=true",
                "--weerbaar.kafka.partitions=2",
                "--weerbaar.kafka.retry-interval-ms=50",
                // at the end of the test JVM the broker may be gone first: do not wait 30 s per phase for it
                "--spring.lifecycle.timeout-per-shutdown-phase=3s",
                "--spring.config.import=classpath:weerbaar-test-security.properties");
    }

    /**
     * Closes the shared companions when the test context closes: it was created before them and holds the broker,
     * which it destroys after its other beans (this one too), so the companions still reach it while they stop.
     */
    static final class Closer implements DisposableBean {

        @Override
        public void destroy() {
            RUNNING.values().forEach(ConfigurableApplicationContext::close);
            RUNNING.clear();
        }
    }

    /** Calls to a companion's API as they come over HTTP, with its security filters. */
    public static MockMvc mvc(ConfigurableApplicationContext companion) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) companion).apply(springSecurity()).build();
    }
}
