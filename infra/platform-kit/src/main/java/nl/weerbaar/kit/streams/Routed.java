package nl.weerbaar.kit.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A record's value inside a topology: the raw payload and, for what a processor decides, the topic it goes to (a
 * service topic or a dead-letter topic), so one sink writes every outcome. On the wire only the payload is written.
 */
public record Routed(String topic, byte[] value) {

    /** A record read from a topic, not yet routed. */
    public static Routed read(byte[] value) {
        return new Routed(null, value);
    }

    public boolean isDeadLetter() {
        return topic != null && topic.endsWith(nl.weerbaar.contracts.Topics.DEAD_LETTER_SUFFIX);
    }

    public static Serde<Routed> serde() {
        Serializer<Routed> serializer = (topic, routed) -> routed == null ? null : routed.value();
        Deserializer<Routed> deserializer = (topic, bytes) -> read(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
