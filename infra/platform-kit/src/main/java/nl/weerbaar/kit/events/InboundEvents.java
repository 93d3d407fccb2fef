package nl.weerbaar.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.kit.idempotency.ProcessedEvents;
import nl.weerbaar.kit.kafka.StoreUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The one way listeners handle records: check the contract (a broken record throws and goes to the dead-letter
 * topic), skip an event this consumer already applied (and watermarks, which are for stream processors), apply it,
 * then remember it. The listener container commits the offset only after this returns, so an effect is stored before
 * its record counts as consumed.
 */
public class InboundEvents {

    private final SchemaValidator validator;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final Clock clock;

    public InboundEvents(SchemaValidator validator, ProcessedEvents processed, MeterRegistry meters, Clock clock) {
        this.validator = validator;
        this.processed = processed;
        this.meters = meters;
        this.clock = clock;
    }

    /** Applies the record once for {@code consumer}; returns false when it had been applied before. */
    public boolean handle(String consumer, ConsumerRecord<String, JsonNode> record, Consumer<InboundEvent> effect) {
        InboundEvent event = InboundEvent.from(record, validator);
        if (event.type().isProgressMark()) {
            return false; // watermarks are for the stream processors that join topics; no listener acts on one
        }
        if (processed.contains(consumer, event.id())) {
            duplicate(consumer, event);
            return false;
        }
        effect.accept(event);
        processed.remember(consumer, event.id());
        applied(consumer, event);
        return true;
    }

    /**
     * Applies a batch of records (a batch listener's poll) once for {@code consumer}: the already-applied events are
     * found in one query and the new ones remembered in one write, and {@code effect} gets all new events of the
     * batch in their order, so a read model can read and write their documents in bulk too.
     * <ul>
     *   <li>A record that breaks its contract (or is not JSON): the events before it are applied, then it is
     *       reported by its index, so the container commits those, sends it to the dead-letter topic with its reason,
     *       and goes on with the rest.</li>
     *   <li>The store is unreachable: the batch is reported at its first new event and retried, with backoff, until
     *       the store is back; nothing is sent away.</li>
     *   <li>Any other failure: the new events are applied one by one (read models are idempotent per event) to find
     *       the one that fails, and that one is reported by its index, as a broken record is.</li>
     * </ul>
     */
    public void handleBatch(String consumer, List<ConsumerRecord<String, JsonNode>> records,
                            Consumer<List<InboundEvent>> effect) {
        List<InboundEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            InboundEvent event;
            try {
                event = read(records.get(i));
            } catch (RuntimeException broken) {
                applyOnce(consumer, events, effect);
                throw new BatchListenerFailedException(broken.getMessage(), broken, i);
            }
            events.add(event);
        }
        applyOnce(consumer, events, effect);
    }

    private InboundEvent read(ConsumerRecord<String, JsonNode> record) {
        if (record.value() == null) {
            // a batch listener gets a record the ErrorHandlingDeserializer could not read: the reason is in a header
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            if (unreadable != null) {
                throw unreadable;
            }
        }
        return InboundEvent.from(record, validator);
    }

    /** The events of a batch (index = the record's index in the batch) that are new, applied and remembered. */
    private void applyOnce(String consumer, List<InboundEvent> batch, Consumer<List<InboundEvent>> effect) {
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        List<InboundEvent> candidates = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            InboundEvent event = batch.get(i);
            if (event.type().isProgressMark()) {
                continue;
            }
            if (indexOf.putIfAbsent(event.id(), i) != null) {
                duplicate(consumer, event);
            } else {
                candidates.add(event);
            }
        }
        Set<String> before = processed.applied(consumer, indexOf.keySet());
        List<InboundEvent> fresh = new ArrayList<>();
        for (InboundEvent event : candidates) {
            if (before.contains(event.id())) {
                duplicate(consumer, event);
            } else {
                fresh.add(event);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try {
            effect.accept(fresh);
        } catch (RuntimeException failure) {
            if (StoreUnavailable.isCause(failure)) {
                throw new BatchListenerFailedException("read-model store unavailable", failure,
                        indexOf.get(fresh.getFirst().id()));
            }
            oneByOne(consumer, fresh, indexOf, effect);
        }
        processed.rememberAll(consumer, fresh.stream().map(InboundEvent::id).toList());
        fresh.forEach(event -> applied(consumer, event));
    }

    /** After a batch failed: each event on its own, to report the one that fails. */
    private void oneByOne(String consumer, List<InboundEvent> fresh, Map<String, Integer> indexOf,
                          Consumer<List<InboundEvent>> effect) {
        for (InboundEvent event : fresh) {
            try {
                effect.accept(List.of(event));
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException(failure.getMessage(), failure, indexOf.get(event.id()));
            }
            processed.remember(consumer, event.id());
        }
    }

    private void duplicate(String consumer, InboundEvent event) {
        meters.counter("weerbaar.events.duplicates", "consumer", consumer, "type", event.type().type()).increment();
    }

    private void applied(String consumer, InboundEvent event) {
        meters.counter("weerbaar.events.consumed", "consumer", consumer, "type", event.type().type()).increment();
        Duration latency = Duration.between(event.time(), clock.instant());
        if (!latency.isNegative()) {
            Timer.builder("weerbaar.events.propagation").description("From an event's production to its effect")
                    .tag("consumer", consumer).tag("type", event.type().type())
                    .publishPercentileHistogram().register(meters).record(latency);
        }
    }
}
