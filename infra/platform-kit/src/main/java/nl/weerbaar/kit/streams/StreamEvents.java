package nl.weerbaar.kit.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.Violation;
import nl.weerbaar.kit.events.Envelope;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import nl.weerbaar.kit.kafka.DeadLetters;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * What stream processors share with the rest of the kit: read a record as a checked {@link InboundEvent}, send a
 * broken one to its dead-letter topic with the reason (never block the partition, never drop it silently), and
 * build an outcome event with its envelope, stamped with event time = the exercise's epoch plus scenario time.
 */
public class StreamEvents {

    /** Header on dead letters: which processor could not take the record. */
    public static final String DEAD_LETTER_PROCESSOR = "weerbaar_dlt_processor";

    /** How Kafka Streams names the internal topics a processor re-keys its input through. */
    private static final String REPARTITION_SUFFIX = "-repartition";

    private final SchemaValidator validator;
    private final String source;
    private final String processor;
    private final Clock clock;

    public StreamEvents(SchemaValidator validator, String serviceName, String processor, Clock clock) {
        this.validator = validator;
        this.source = "/weerbaar/" + serviceName;
        this.processor = processor;
        this.clock = clock;
    }

    /** The record as a checked event; throws {@link InvalidEventException} when it breaks its contract. */
    public InboundEvent read(Record<String, Routed> record, ProcessorContext<?, ?> context) {
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        JsonNode payload;
        try {
            payload = record.value() == null || record.value().value() == null ? null
                    : EventJson.mapper().readTree(record.value().value());
        } catch (IOException e) {
            throw new InvalidEventException("record " + meta.topic() + "-" + meta.partition() + "@" + meta.offset()
                    + " is not JSON", List.of(new Violation("$", e.getMessage())));
        }
        Map<String, String> headers = InboundEvent.headers(record.headers());
        if (meta.topic().endsWith(REPARTITION_SUFFIX) && payload != null) {
            // checked where this application first read it, before it keyed it anew: once is enough
            return InboundEvent.checkedBefore(headers, payload, record.timestamp(), meta.topic(), meta.partition(),
                    meta.offset());
        }
        return InboundEvent.from(headers, payload, record.timestamp(), meta.topic(), meta.partition(), meta.offset(),
                validator);
    }

    /**
     * The record as a checked event, or empty when it breaks its contract: then it has gone to its dead-letter topic
     * with the reason (forwarded to {@code context}), and the processor goes on with the next.
     */
    public java.util.Optional<InboundEvent> readOrDeadLetter(Record<String, Routed> record,
                                                             ProcessorContext<String, Routed> context) {
        try {
            return java.util.Optional.of(read(record, context));
        } catch (InvalidEventException e) {
            context.forward(deadLetter(record, context, e));
            return java.util.Optional.empty();
        }
    }

    /** The record as it came, for the dead-letter topic of the topic it was read from, with the reason. */
    public Record<String, Routed> deadLetter(Record<String, Routed> record, ProcessorContext<?, ?> context,
                                             Exception reason) {
        return deadLetter(record, context.recordMetadata().map(RecordMetadata::topic).orElse("unknown"), reason);
    }

    /**
     * The record for the dead-letter topic of {@code topic}: the service topic it was first written to, when the
     * processor read it from a repartition topic (which has no dead-letter topic of its own).
     */
    public Record<String, Routed> deadLetter(Record<String, Routed> record, String topic, Exception reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(KafkaKitConfiguration.DEAD_LETTER_REASON,
                String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add(DEAD_LETTER_PROCESSOR, processor.getBytes(StandardCharsets.UTF_8));
        byte[] value = record.value() == null ? null : record.value().value();
        DeadLetters.count(topic, record.headers(), reason); // a retried transaction may count one twice: a metric, not the record
        return new Record<>(record.key(), new Routed(Topics.deadLetter(topic), value), record.timestamp(), headers);
    }

    /**
     * An event the processor had read and held, which its model then refused: for the dead-letter topic of the topic
     * it was written to, as its payload with its id, type, exercise and scenario time.
     */
    public Record<String, Routed> deadLetter(InboundEvent event, Exception reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CeHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
        headers.add(CeHeaders.TYPE, event.type().type().getBytes(StandardCharsets.UTF_8));
        headers.add(CeHeaders.EXERCISE_ID, event.exerciseId().getBytes(StandardCharsets.UTF_8));
        headers.add(CeHeaders.SCENARIO_TIME,
                Long.toString(event.scenarioTimeSeconds()).getBytes(StandardCharsets.UTF_8));
        Record<String, Routed> record = new Record<>(event.subject(),
                Routed.read(event.payload().toString().getBytes(StandardCharsets.UTF_8)),
                event.epochMillis() + event.scenarioTimeSeconds() * 1000, headers);
        return deadLetter(record, event.type().topic(), reason);
    }

    /** An outcome event: checked against its contract, with its envelope, on its type's topic. */
    public Record<String, Routed> event(String id, String key, Object payload, EventContext context) {
        return event(EventType.forPayload(payload.getClass()), id, key, payload, context);
    }

    /** An outcome event of a type that shares its payload class with another topic's (a watermark). */
    public Record<String, Routed> event(EventType type, String id, String key, Object payload, EventContext context) {
        JsonNode json = EventJson.mapper().valueToTree(payload);
        Envelope.check(validator, type, json);
        byte[] value;
        try {
            value = EventJson.mapper().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Long time = context.eventTimeMillis();
        Headers headers = Envelope.headers(id, source, type, key, context, clock.instant());
        if (context.traceParent() != null) {
            // Kafka Streams has no observation of its own: the outcome carries on the trace of the event that caused it
            headers.add(CeHeaders.TRACE_PARENT, context.traceParent().getBytes(StandardCharsets.UTF_8));
        }
        return new Record<>(key, new Routed(type.topic(), value), time != null ? time : clock.millis(), headers);
    }
}
