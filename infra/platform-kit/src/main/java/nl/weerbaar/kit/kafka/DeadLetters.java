package nl.weerbaar.kit.kafka;

import io.micrometer.core.instrument.Metrics;
import nl.weerbaar.kit.events.InvalidEventException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Counts the records sent to a dead-letter topic ({@code weerbaar_dead_letters_total}, by the topic they came from and
 * the kind of reason), whether a listener's error handler or a stream processor sent them, so an operator sees them
 * without reading the {@code .dlt} topics. The reason's kind, not its text, keeps the number of series small: the
 * text is in the record's {@link KafkaKitConfiguration#DEAD_LETTER_REASON} header.
 */
public final class DeadLetters {

    public static final String METER = "weerbaar.dead.letters";
    static final java.util.List<String> KINDS = java.util.List.of("unreadable", "contract", "failed");

    private DeadLetters() {
    }

    /** One more record of {@code topic} dead-lettered for {@code reason}. */
    public static void count(String topic, Throwable reason) {
        Metrics.counter(METER, "topic", topic, "reason", kind(reason)).increment();
    }

    /** Shows the series of {@code topic} at zero for every kind of reason. */
    static void register(String topic) {
        for (String kind : KINDS) {
            Metrics.counter(METER, "topic", topic, "reason", kind);
        }
    }

    /** {@code unreadable} (not JSON), {@code contract} (breaks its schema or envelope) or {@code failed}. */
    static String kind(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                return "contract";
            }
            if (t instanceof SerializationException) {
                return "unreadable";
            }
        }
        return "failed";
    }
}
