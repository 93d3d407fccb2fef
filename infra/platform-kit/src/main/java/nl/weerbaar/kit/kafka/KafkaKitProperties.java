package nl.weerbaar.kit.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The kit's Kafka settings ({@code weerbaar.kafka.*}). Stream processors write a watermark to each of
 * {@code partitions} partitions, so this must be the service topics' partition count.
 *
 * @param partitions           partitions of every service topic the kit creates (the most instances of a service
 *                             that share its work)
 * @param replicationFactor    replicas of every topic and of the stream processors' internal topics
 * @param retries              times a listener retries a record that failed for another reason than its contract,
 *                             before it goes to the dead-letter topic
 * @param retryIntervalMs      first wait between those retries (it doubles)
 * @param producerCloseSeconds how long a producer may take to close at shutdown
 * @param sendTimeout          how long a publish may wait for the broker's acknowledgement
 * @param transactionTimeoutMs the stream processors' transaction timeout (exactly-once): one step of a national
 *                             exercise can take longer than Kafka Streams' 10 s
 */
@ConfigurationProperties("weerbaar.kafka")
@Validated
public record KafkaKitProperties(@DefaultValue("3") @Positive int partitions,
                                 @DefaultValue("1") @Positive short replicationFactor,
                                 @DefaultValue("3") @PositiveOrZero long retries,
                                 @DefaultValue("500") @Positive long retryIntervalMs,
                                 @DefaultValue("5") @Positive int producerCloseSeconds,
                                 @DefaultValue("PT15S") java.time.Duration sendTimeout,
                                 @DefaultValue("60000") @Positive int transactionTimeoutMs) {
}
