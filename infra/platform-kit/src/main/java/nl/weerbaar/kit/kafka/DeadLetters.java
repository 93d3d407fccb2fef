package nl.weerbaar.kit.kafka;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.weerbaar.contracts.CeHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
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
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    static final java.util.List<String> KINDS = java.util.List.of("unreadable", "contract", "failed");

    private DeadLetters() {
    }

    /**
     * One more record of {@code topic} dead-lettered for {@code reason}: counted, and logged with the event's exercise,
     * id and cause in the log's context (MDC: {@code exercise_id}, {@code event_id}, {@code causation_id}; fields of
     * their own in the structured JSON logs), so an operator finds the record and what it came from.
     */
    public static void count(String topic, Headers headers, Throwable reason) {
        String kind = kind(reason);
        Metrics.counter(METER, "topic", topic, "reason", kind).increment();
        Map<String, String> context = Map.of("exercise_id", text(headers, CeHeaders.EXERCISE_ID),
                "event_id", text(headers, CeHeaders.ID), "causation_id", text(headers, CeHeaders.CAUSATION_ID),
                "topic", topic, "dead_letter_reason", kind);
        context.forEach(MDC::put);
        try {
            LOG.warn("Dead letter / naar de dead-letter-topic: {} of {} ({}): {}", text(headers, CeHeaders.TYPE),
                    topic, kind, reason.getMessage());
        } finally {
            context.keySet().forEach(MDC::remove);
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
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
