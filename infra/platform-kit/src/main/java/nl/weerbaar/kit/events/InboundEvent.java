package nl.weerbaar.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Violation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed event whose envelope and payload were checked against the contracts. */
public record InboundEvent(String id, EventType type, String source, Instant time, String subject, String exerciseId,
                           ExerciseStatus status, long scenarioTimeSeconds, String causationId, String replayOf,
                           JsonNode payload, String topic, int partition, long offset) {

    /** Reads and validates a record; throws {@link InvalidEventException} when it breaks its contract. */
    public static InboundEvent from(ConsumerRecord<String, JsonNode> record, SchemaValidator validator) {
        Map<String, String> headers = headers(record);
        byte[] value;
        try {
            value = record.value() == null ? null : EventJson.mapper().writeValueAsBytes(record.value());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("unreadable payload", List.of(new Violation("$", e.getMessage())));
        }
        List<Violation> violations = validator.validateRecord(headers, value);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " breaks its contract", violations);
        }
        return new InboundEvent(headers.get(CeHeaders.ID), EventType.fromType(headers.get(CeHeaders.TYPE)).orElseThrow(),
                headers.get(CeHeaders.SOURCE), Instant.parse(headers.get(CeHeaders.TIME)), headers.get(CeHeaders.SUBJECT),
                headers.get(CeHeaders.EXERCISE_ID), ExerciseStatus.fromWire(headers.get(CeHeaders.EXERCISE_STATUS)),
                Long.parseLong(headers.get(CeHeaders.SCENARIO_TIME)), headers.get(CeHeaders.CAUSATION_ID),
                headers.get(CeHeaders.REPLAY_OF), record.value(), record.topic(), record.partition(), record.offset());
    }

    /** The last value of every header, as text. */
    public static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    /** The payload as its Java type; unknown fields are ignored (tolerant reader). */
    public <T> T payload(Class<T> type) {
        try {
            return EventJson.mapper().treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("payload does not map to " + type.getSimpleName(),
                    List.of(new Violation("$", e.getOriginalMessage())));
        }
    }

    public boolean isReplay() {
        return replayOf != null;
    }

    /** The context for an event this one causes, at the same scenario time. */
    public EventContext context() {
        return EventContext.causedBy(this, scenarioTimeSeconds);
    }
}
