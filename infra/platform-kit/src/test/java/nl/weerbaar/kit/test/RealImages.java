package nl.weerbaar.kit.test;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real MongoDB and Apache Kafka images, as {@code docker-compose.yml} runs them, for a service's whole context
 * through {@code @ServiceConnection}: Boot points Spring Data and spring-kafka (Kafka Streams included) at them.
 * Used by {@link WeerbaarRealImagesTest}; one pair per test JVM, stopped with the context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealImages {

    public static final String MONGO_IMAGE = "mongo:7.0";
    public static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    @Bean
    @ServiceConnection
    MongoDBContainer mongo() {
        return new MongoDBContainer(MONGO_IMAGE);
    }

    @Bean
    @ServiceConnection
    KafkaContainer kafka() {
        // one broker holds the transaction log alone: the stream processors write exactly once (in transactions)
        return new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
    }
}
