package nl.weerbaar.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.idempotency.AppliedOffsets;
import nl.weerbaar.kit.idempotency.ProcessedEvents;
import nl.weerbaar.kit.kafka.StoreUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The one way listeners handle records: check the contract (a broken record throws and goes to the dead-letter
 * topic), skip an event this consumer already applied (and watermarks, which are for stream processors), apply it,
 * then remember it. The listener container commits the offset only after this returns, so an effect is stored before
 * its record counts as consumed. A batch listener remembers the offsets it applied per partition
 * ({@link AppliedOffsets}), and by id only the few events that can come again at a later offset.
 */
public class InboundEvents {

    private final SchemaValidator validator;
    private final ProcessedEvents processed;
    private final AppliedOffsets offsets;
    private final MeterRegistry meters;
    /** Consumer and type pairs whose duplicates counter exists. */
    private final java.util.Set<String> counted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public InboundEvents(SchemaValidator validator, ProcessedEvents processed, AppliedOffsets offsets,
                         MeterRegistry meters, Clock clock) {
        this.validator = validator;
        this.processed = processed;
        this.offsets = offsets;
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
     * found in one or two queries and the new ones remembered in one or two writes, and {@code effect} gets all new
     * events of the batch in their order, so a read model can read and write their documents in bulk too.
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
        handleBatch(consumer, records, Interest.EVERY_EVENT, effect);
    }

    /**
     * As {@link #handleBatch(String, List, Consumer)}, for a read model that acts on some types only or counts events
     * without reading them: records of other types are passed over on their type header, unread and unchecked (their
     * owner's read model checks them), and the events it counts are checked by their envelope only.
     */
    public void handleBatch(String consumer, List<ConsumerRecord<String, JsonNode>> records, Interest interest,
                            Consumer<List<InboundEvent>> effect) {
        List<InboundEvent> events = new ArrayList<>(records.size()); // by the record's index; null: passed over
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, JsonNode> record = records.get(i);
            if (!interest.wants(record)) {
                events.add(null);
                continue;
            }
            try {
                events.add(read(record, interest));
            } catch (RuntimeException broken) {
                applyOnce(consumer, events, effect);
                throw new BatchListenerFailedException(broken.getMessage(), broken, i);
            }
        }
        applyOnce(consumer, events, effect);
    }

    /** What a batch listener reads: which types, and whether it reads their payloads. */
    public record Interest(Set<EventType> types, boolean payloads) {

        /** Every event, checked whole. */
        public static final Interest EVERY_EVENT = new Interest(EnumSet.allOf(EventType.class), true);

        /** Every event, to count: checked by its envelope (headers and a known type), the payload not read. */
        public static final Interest ENVELOPES = new Interest(EnumSet.allOf(EventType.class), false);

        /** The events of these types, checked whole; the rest passed over on their type header. */
        public static Interest only(Set<EventType> types) {
            return new Interest(EnumSet.copyOf(types), true);
        }

        /** False only for a record whose type header names a known type this listener has no use for. */
        boolean wants(ConsumerRecord<String, JsonNode> record) {
            Header type = record.headers().lastHeader(CeHeaders.TYPE);
            return type == null || EventType.fromType(new String(type.value(), StandardCharsets.UTF_8))
                    .map(types::contains).orElse(true); // a missing or unknown type is read, to be dead-lettered
        }
    }

    private InboundEvent read(ConsumerRecord<String, JsonNode> record, Interest interest) {
        if (record.value() == null) {
            // a batch listener gets a record the ErrorHandlingDeserializer could not read: the reason is in a header
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            if (unreadable != null) {
                throw unreadable;
            }
        }
        return interest.payloads() ? InboundEvent.from(record, validator)
                : InboundEvent.fromEnvelope(record, validator);
    }

    /**
     * The events of a batch (index = the record's index in the batch) that are new, applied and remembered. A record
     * at or below its partition's applied offset is a redelivery (its offset was not committed yet); an event that can
     * come again at a later offset ({@link #rememberedById}) is looked up by id too.
     */
    private void applyOnce(String consumer, List<InboundEvent> batch, Consumer<List<InboundEvent>> effect) {
        List<InboundEvent> read = batch.stream().filter(Objects::nonNull).toList(); // null: passed over, not read
        if (read.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> appliedUpTo = offsets.of(consumer, partitions(read));
        Map<String, Integer> indexOf = new LinkedHashMap<>();
        List<InboundEvent> candidates = new ArrayList<>();
        List<String> byId = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            InboundEvent event = batch.get(i);
            if (event == null || event.type().isProgressMark()) {
                continue;
            }
            if (event.offset() <= appliedUpTo.getOrDefault(partition(event), -1L)
                    || indexOf.putIfAbsent(event.id(), i) != null) {
                duplicate(consumer, event);
                continue;
            }
            candidates.add(event);
            if (rememberedById(event)) {
                byId.add(event.id());
            }
        }
        Set<String> before = processed.applied(consumer, byId);
        List<InboundEvent> fresh = new ArrayList<>();
        for (InboundEvent event : candidates) {
            if (before.contains(event.id())) {
                duplicate(consumer, event);
            } else {
                fresh.add(event);
            }
        }
        if (!fresh.isEmpty()) {
            try {
                effect.accept(fresh);
            } catch (RuntimeException failure) {
                if (StoreUnavailable.isCause(failure)) {
                    throw new BatchListenerFailedException("read-model store unavailable", failure,
                            indexOf.get(fresh.getFirst().id()));
                }
                oneByOne(consumer, fresh, indexOf, effect);
            }
        }
        remember(consumer, read, fresh);
    }

    /** After a batch failed: each event on its own, to report the one that fails (the ones before it stay applied). */
    private void oneByOne(String consumer, List<InboundEvent> fresh, Map<String, Integer> indexOf,
                          Consumer<List<InboundEvent>> effect) {
        List<InboundEvent> applied = new ArrayList<>();
        for (InboundEvent event : fresh) {
            try {
                effect.accept(List.of(event));
            } catch (RuntimeException failure) {
                remember(consumer, applied, applied);
                throw new BatchListenerFailedException(failure.getMessage(), failure, indexOf.get(event.id()));
            }
            applied.add(event);
        }
    }

    /** Marks {@code taken} as applied up to their offsets, and the {@code effected} that can come again by id. */
    private void remember(String consumer, List<InboundEvent> taken, List<InboundEvent> effected) {
        Map<TopicPartition, Long> highest = new HashMap<>();
        taken.forEach(event -> highest.merge(partition(event), event.offset(), Math::max));
        offsets.advance(consumer, highest);
        processed.rememberAll(consumer, effected.stream().filter(InboundEvents::rememberedById)
                .map(InboundEvent::id).toList());
        effected.forEach(event -> applied(consumer, event));
    }

    /**
     * Whether an event can be on its topic twice under one id: outage-timeline writes its own topics (the clock,
     * injects, scenarios) and a replay's events outside Kafka transactions, with ids derived from what they are, so a
     * crash between a send and its bookkeeping sends the same event again at a later offset. Every other event comes
     * from a stream processor's exactly-once transaction or from a REST command under a new random id.
     */
    static boolean rememberedById(InboundEvent event) {
        return event.replayOf() != null || BY_ID_TOPICS.contains(event.type().topic());
    }

    private static final Set<String> BY_ID_TOPICS = Set.of(Topics.EXERCISE, Topics.SCENARIOS,
            Topics.EXERCISE_COMMANDS);

    private static Set<TopicPartition> partitions(List<InboundEvent> events) {
        Set<TopicPartition> partitions = new HashSet<>();
        events.forEach(event -> partitions.add(partition(event)));
        return partitions;
    }

    private static TopicPartition partition(InboundEvent event) {
        return new TopicPartition(event.topic(), event.partition());
    }

    private void duplicate(String consumer, InboundEvent event) {
        meters.counter("weerbaar.events.duplicates", "consumer", consumer, "type", event.type().type()).increment();
    }

    private void applied(String consumer, InboundEvent event) {
        meters.counter("weerbaar.events.consumed", "consumer", consumer, "type", event.type().type()).increment();
        if (counted.add(consumer + " " + event.type().type())) {
            // the duplicates of what this consumer applies, from zero: increase() misses a series that appears at 1
            meters.counter("weerbaar.events.duplicates", "consumer", consumer, "type", event.type().type());
        }
        Duration latency = Duration.between(event.time(), clock.instant());
        if (!latency.isNegative()) {
            Timer.builder("weerbaar.events.propagation").description("From an event's production to its effect")
                    .tag("consumer", consumer).tag("type", event.type().type())
                    .publishPercentileHistogram().register(meters).record(latency);
        }
    }
}
