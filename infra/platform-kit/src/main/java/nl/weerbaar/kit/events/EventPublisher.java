package nl.weerbaar.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

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
        return send(draft(UUID.randomUUID().toString(), source, type, key, EventJson.mapper().valueToTree(payload),
                context)).eventId();
    }

    /**
     * Publishes with an id the caller derived deterministically (e.g. from exercise and inject), so that a second
     * attempt after a crash carries the same id and every idempotent consumer applies it once.
     */
    public Published publishWithId(String eventId, String key, Object payload, EventContext context) {
        return send(draft(eventId, key, payload, context));
    }

    /**
     * As {@link #publishWithId(String, String, Object, EventContext)}, for a payload that several types share (a
     * command and the fact it asks for).
     */
    public Published publishWithId(EventType type, String eventId, String key, Object payload,
                                   EventContext context) {
        return send(draft(type, eventId, key, payload, context));
    }

    /** As {@link #publishWithId(String, String, Object, EventContext)}, for a payload that several types share. */
    public Draft draft(EventType type, String eventId, String key, Object payload, EventContext context) {
        return draft(eventId, source, type, key, EventJson.mapper().valueToTree(payload), context);
    }

    /**
     * An event ready to be sent: validated against its schema, its record and headers built. Drafting a batch and
     * sending it with {@link #publishAll} costs one round trip to the broker instead of one per event.
     */
    public Draft draft(String eventId, String key, Object payload, EventContext context) {
        return draft(eventId, source, EventType.forPayload(payload.getClass()), key,
                EventJson.mapper().valueToTree(payload), context);
    }

    /** A recorded event drafted for a replay: its own type, source and payload, under a new id and context. */
    public Draft redraft(String eventId, String originalSource, EventType type, String key, JsonNode payload,
                         EventContext context) {
        return draft(eventId, originalSource, type, key, payload, context);
    }

    /**
     * Sends every draft at once and waits until the broker has acknowledged each (the idempotent producer keeps
     * their order per partition). If some are not acknowledged, {@link PartlyStoredException} says which were.
     */
    public List<Published> publishAll(List<Draft> drafts) {
        List<CompletableFuture<SendResult<String, Object>>> sent = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            sent.add(template.send(draft.record()));
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Published> stored = new ArrayList<>(drafts.size());
        EventNotStoredException failure = null;
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            try {
                RecordMetadata meta = sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                        .getRecordMetadata();
                meters.counter("weerbaar.events.produced", "type", draft.type().type()).increment();
                stored.add(new Published(draft.eventId(), draft.type(), meta.partition(), meta.offset()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new EventNotStoredException(draft.type(), e);
            } catch (ExecutionException | TimeoutException e) {
                failure = failure != null ? failure : new EventNotStoredException(draft.type(), e);
            }
        }
        if (failure != null) {
            throw new PartlyStoredException(stored, failure);
        }
        return stored;
    }

    private Published send(Draft draft) {
        try {
            return publishAll(List.of(draft)).get(0);
        } catch (PartlyStoredException e) {
            throw (EventNotStoredException) e.getCause();
        }
    }

    private Draft draft(String id, String eventSource, EventType type, String key, JsonNode json,
                        EventContext context) {
        Envelope.check(validator, type, json);
        return new Draft(id, type, new ProducerRecord<>(type.topic(), null, context.eventTimeMillis(), key, json,
                Envelope.headers(id, eventSource, type, key, context, clock.instant())));
    }

    /** A validated event with its record, not yet sent. */
    public record Draft(String eventId, EventType type, ProducerRecord<String, Object> record) {
    }

    /** Where the broker stored an event; the offset orders the events of one key. */
    public record Published(String eventId, EventType type, int partition, long offset) {
    }

    /** Some events of a batch were not acknowledged; {@link #stored()} are those the broker did acknowledge. */
    public static class PartlyStoredException extends EventNotStoredException {
        private final List<Published> stored;

        PartlyStoredException(List<Published> stored, EventNotStoredException cause) {
            super(cause.getMessage(), cause);
            this.stored = List.copyOf(stored);
        }

        public List<Published> stored() {
            return stored;
        }
    }

    /** The broker did not acknowledge the event in time: nothing may be assumed stored. */
    public static class EventNotStoredException extends RuntimeException {
        public EventNotStoredException(EventType type, Throwable cause) {
            super("event " + type.type() + " was not acknowledged by Kafka", cause);
        }

        EventNotStoredException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
