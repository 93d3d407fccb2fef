package nl.weerbaar.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The one way services publish events: validates the payload against its schema, sets the CloudEvents headers and
 * waits for the broker's acknowledgement ({@code acks=all}, idempotent producer), so a 202 means the event is stored.
 */
public class EventPublisher {

    private final KafkaTemplate<String, Object> template;
    private final SchemaValidator validator;
    private final MeterRegistry meters;
    private final String source;
    private final Clock clock;
    private final Duration sendTimeout;

    public EventPublisher(KafkaTemplate<String, Object> template, SchemaValidator validator, MeterRegistry meters,
                          String serviceName, Clock clock, Duration sendTimeout) {
        this.template = template;
        this.validator = validator;
        this.meters = meters;
        this.source = "/weerbaar/" + serviceName;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
    }

    /** Publishes and returns the new event's id once the broker has it. */
    public String publish(String key, Object payload, EventContext context) {
        return publish(EventType.forPayload(payload.getClass()), key, payload, context);
    }

    public String publish(EventType type, String key, Object payload, EventContext context) {
        return send(UUID.randomUUID().toString(), source, type, key, EventJson.mapper().valueToTree(payload), context)
                .eventId();
    }

    /**
     * Publishes with an id the caller derived deterministically (e.g. from exercise and inject), so that a second
     * attempt after a crash carries the same id and every idempotent consumer applies it once.
     */
    public Published publishWithId(String eventId, String key, Object payload, EventContext context) {
        return send(eventId, source, EventType.forPayload(payload.getClass()), key,
                EventJson.mapper().valueToTree(payload), context);
    }

    /** Re-publishes a recorded event (replay): its own type, source and payload, under a new id and context. */
    public Published republish(String eventId, String originalSource, EventType type, String key, JsonNode payload,
                               EventContext context) {
        return send(eventId, originalSource, type, key, payload, context);
    }

    private Published send(String id, String eventSource, EventType type, String key, JsonNode json,
                           EventContext context) {
        Envelope.check(validator, type, json);
        ProducerRecord<String, Object> record = new ProducerRecord<>(type.topic(), null, context.eventTimeMillis(), key,
                json, Envelope.headers(id, eventSource, type, key, context, clock.instant()));
        RecordMetadata stored;
        try {
            stored = template.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS).getRecordMetadata();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotStoredException(type, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventNotStoredException(type, e);
        }
        meters.counter("weerbaar.events.produced", "type", type.type()).increment();
        return new Published(id, type, stored.partition(), stored.offset());
    }

    /** Where the broker stored an event; the offset orders the events of one key. */
    public record Published(String eventId, EventType type, int partition, long offset) {
    }

    /** The broker did not acknowledge the event in time: nothing may be assumed stored. */
    public static class EventNotStoredException extends RuntimeException {
        public EventNotStoredException(EventType type, Throwable cause) {
            super("event " + type.type() + " was not acknowledged by Kafka", cause);
        }
    }
}
