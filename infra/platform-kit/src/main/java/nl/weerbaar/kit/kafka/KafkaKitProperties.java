package nl.weerbaar.kit.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The kit's Kafka settings ({@code weerbaar.kafka.*}): the service topics' partitions and replicas, the listeners'
 * retry policy, how long a producer may take to close
 * and a publish to be acknowledged. Stream processors write a watermark to each of
 * {@code partitions} partitions, so this must be the service topics' partition count.
 */
@ConfigurationProperties("weerbaar.kafka")
public record KafkaKitProperties(@DefaultValue("3") int partitions,
                                 @DefaultValue("1") short replicationFactor,
                                 @DefaultValue("3") long retries,
                                 @DefaultValue("500") long retryIntervalMs,
                                 @DefaultValue("5") int producerCloseSeconds,
                                 @DefaultValue("PT15S") java.time.Duration sendTimeout) {
}
