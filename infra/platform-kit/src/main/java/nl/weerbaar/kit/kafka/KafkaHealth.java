package nl.weerbaar.kit.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health {@code kafka}, part of readiness: the broker answers within {@link #TIMEOUT_MS}, and every Kafka Streams
 * processor of the service runs (or rebalances). Spring Boot has no Kafka health indicator of its own; without this
 * one a service whose broker is gone, or whose stream thread died, still said it was ready.
 */
final class KafkaHealth implements HealthIndicator, DisposableBean {

    static final int TIMEOUT_MS = 3000;

    private final KafkaAdmin admin;
    private final ObjectProvider<StreamsBuilderFactoryBean> processors;
    private volatile AdminClient client;

    KafkaHealth(KafkaAdmin admin, ObjectProvider<StreamsBuilderFactoryBean> processors) {
        this.admin = admin;
        this.processors = processors;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            String clusterId = client().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).clusterId()
                    .get(TIMEOUT_MS + 1000L, TimeUnit.MILLISECONDS);
            health = Health.up().withDetail("clusterId", clusterId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("broker", "interrupted").build();
        } catch (ExecutionException | TimeoutException e) {
            return Health.down().withDetail("broker", "no answer within " + TIMEOUT_MS + " ms: " + e).build();
        }
        for (StreamsBuilderFactoryBean processor : processors.orderedStream().toList()) {
            KafkaStreams streams = processor.getKafkaStreams();
            KafkaStreams.State state = streams == null ? null : streams.state();
            Object name = processor.getStreamsConfiguration() == null ? "streams"
                    : processor.getStreamsConfiguration().get(StreamsConfig.APPLICATION_ID_CONFIG);
            health.withDetail("streams " + name, String.valueOf(state));
            if (state == null || !state.isRunningOrRebalancing()) {
                health.down();
            }
        }
        return health.build();
    }

    private AdminClient client() {
        AdminClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        AdminClient current = client;
        if (current != null) {
            current.close(java.time.Duration.ofSeconds(2));
        }
    }
}
