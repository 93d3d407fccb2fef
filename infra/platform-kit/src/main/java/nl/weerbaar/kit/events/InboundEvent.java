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
                           JsonNode payload, String topic, int partition, long offset, long epochMillis,
                           String traceParent) {

    /** Reads and validates a record; throws {@link InvalidEventException} when it breaks its contract. */
    public static InboundEvent from(ConsumerRecord<String, JsonNode> record, SchemaValidator validator) {
        return from(headers(record.headers()), record.value(), record.timestamp(), record.topic(), record.partition(),
                record.offset(), validator);
    }

    /**
     * Reads and validates an event from its headers, payload and Kafka timestamp (wherever it was read: a consumer
     * or a stream processor); throws {@link InvalidEventException} when it breaks its contract.
     */
    public static InboundEvent from(Map<String, String> headers, JsonNode payload, long timestamp, String topic,
                                    int partition, long offset, SchemaValidator validator) {
        refuseIfBroken(validator.validateRecord(headers, payload), topic, partition, offset);
        return checkedBefore(headers, payload, timestamp, topic, partition, offset);
    }

    /**
     * Reads a record checked by its envelope only (headers and a known type), for a reader that counts events without
     * reading their payloads; throws {@link InvalidEventException} when the envelope breaks its contract.
     */
    public static InboundEvent fromEnvelope(ConsumerRecord<String, JsonNode> record, SchemaValidator validator) {
        Map<String, String> headers = headers(record.headers());
        refuseIfBroken(validator.validateEnvelope(headers), record.topic(), record.partition(), record.offset());
        return checkedBefore(headers, record.value(), record.timestamp(), record.topic(), record.partition(),
                record.offset());
    }

    private static void refuseIfBroken(List<Violation> violations, String topic, int partition, long offset) {
        if (!violations.isEmpty()) {
            throw new InvalidEventException("record " + topic + "-" + partition + "@" + offset
                    + " breaks its contract", violations);
        }
    }

    /**
     * An event checked against its contract before it was written where it is read now: by this application, on one
     * of its own internal topics (a Kafka Streams repartition topic), so it is not checked a second time.
     */
    public static InboundEvent checkedBefore(Map<String, String> headers, JsonNode payload, long timestamp,
                                             String topic, int partition, long offset) {
        long scenarioTime = Long.parseLong(headers.get(CeHeaders.SCENARIO_TIME));
        return new InboundEvent(headers.get(CeHeaders.ID), EventType.fromType(headers.get(CeHeaders.TYPE)).orElseThrow(),
                headers.get(CeHeaders.SOURCE), Instant.parse(headers.get(CeHeaders.TIME)), headers.get(CeHeaders.SUBJECT),
                headers.get(CeHeaders.EXERCISE_ID), ExerciseStatus.fromWire(headers.get(CeHeaders.EXERCISE_STATUS)),
                scenarioTime, headers.get(CeHeaders.CAUSATION_ID), headers.get(CeHeaders.REPLAY_OF), payload, topic,
                partition, offset, Math.max(0, timestamp - scenarioTime * 1000), headers.get(CeHeaders.TRACE_PARENT));
    }

    /** The last value of every header, as text. */
    public static Map<String, String> headers(Iterable<Header> recordHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : recordHeaders) {
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
