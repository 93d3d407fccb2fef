package nl.weerbaar.kit.streams;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.kafka.config.KafkaStreamsConfiguration;

/**
 * The one place a service's Kafka Streams settings are made: the kit's defaults (exactly_once_v2, event-time topics,
 * see {@code KitDefaults}) under the processor's own application id, set in code so that it never falls back to a
 * listener's group id and its committed offsets.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /** Settings of a processor that takes its records in the order Kafka Streams merges them (by timestamp). */
    public static KafkaStreamsConfiguration ordered(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                    SslBundles ssl, String applicationId) {
        return new KafkaStreamsConfiguration(properties(kafka, connection, ssl, applicationId));
    }

    /**
     * Settings of a processor that orders its input itself (a watermark join, or a log that keeps arrival order): a
     * task need not wait for a partition whose data it cannot fetch yet (under exactly_once_v2: its own repartition
     * writes, until the next commit), so {@code max.task.idle.ms} is -1.
     */
    public static KafkaStreamsConfiguration unordered(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                    SslBundles ssl, String applicationId) {
        Map<String, Object> properties = properties(kafka, connection, ssl, applicationId);
        properties.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        return new KafkaStreamsConfiguration(properties);
    }

    private static Map<String, Object> properties(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                  SslBundles ssl, String applicationId) {
        Map<String, Object> properties = kafka.buildStreamsProperties(ssl);
        // where Boot's connection details say (a @ServiceConnection container in tests), not only the property
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getStreams().getBootstrapServers());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return properties;
    }
}
