package nl.weerbaar.kit.streams;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * A record's value inside a topology: the raw payload and, for what a processor decides, the topic it goes to (a
 * service topic or a dead-letter topic) and, for a watermark, the one partition it marks, so one sink writes every
 * outcome. On the wire only the payload is written.
 */
public record Routed(String topic, byte[] value, Integer partition) {

    public Routed(String topic, byte[] value) {
        this(topic, value, null);
    }

    /** A record read from a topic, not yet routed. */
    public static Routed read(byte[] value) {
        return new Routed(null, value);
    }

    public boolean isDeadLetter() {
        return topic != null && topic.endsWith(nl.weerbaar.contracts.Topics.DEAD_LETTER_SUFFIX);
    }

    public Routed toPartition(int partition) {
        return new Routed(topic, value, partition);
    }

    public static Serde<Routed> serde() {
        Serializer<Routed> serializer = (topic, routed) -> routed == null ? null : routed.value();
        Deserializer<Routed> deserializer = (topic, bytes) -> read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** The sink's partitioner: a watermark goes to the partition it marks, everything else by its key. */
    public static StreamPartitioner<String, Routed> partitioner() {
        return new StreamPartitioner<>() {
            @Override
            @SuppressWarnings("deprecation")
            public Integer partition(String topic, String key, Routed value, int numPartitions) {
                return value == null || value.partition() == null ? null : value.partition() % numPartitions;
            }

            @Override
            public Optional<Set<Integer>> partitions(String topic, String key, Routed value, int numPartitions) {
                Integer partition = partition(topic, key, value, numPartitions);
                return partition == null ? Optional.empty() : Optional.of(Set.of(partition));
            }
        };
    }
}
