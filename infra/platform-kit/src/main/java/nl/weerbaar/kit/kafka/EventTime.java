package nl.weerbaar.kit.kafka;

import java.util.Map;

/**
 * Records are stamped with their exercise's epoch plus scenario time (event time is scenario time): a 72 h exercise
 * played in minutes writes timestamps up to 72 h ahead of the wall clock, and a replay of an old recording writes
 * them in the past. Topics, the services' own and the stream processors' internal ones, accept any timestamp —
 * set explicitly, since a broker's default for timestamps ahead is finite from Kafka 4 on.
 */
public final class EventTime {

    public static final Map<String, String> TOPIC_CONFIG = Map.of(
            "message.timestamp.type", "CreateTime",
            "message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE),
            "message.timestamp.before.max.ms", Long.toString(Long.MAX_VALUE));

    private EventTime() {
    }
}
