package nl.weerbaar.kit.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Violation;
import nl.weerbaar.kit.events.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic raw (headers and bytes, no deserializer of ours in between) from the beginning, so tests see exactly
 * what landed on the broker and can check it against the contracts. Call {@link #records()} inside Awaitility.
 */
public class TopicRecorder implements AutoCloseable {

    /** One record as it is on the topic. */
    public record RawRecord(String topic, int partition, long offset, String key, Map<String, String> headers,
                            byte[] value, long timestamp) {

        /** The instant the exercise's scenario time counts from, as this record's event time gives it. */
        public long epochMillis() {
            return timestamp - Long.parseLong(headers.get(CeHeaders.SCENARIO_TIME)) * 1000;
        }

        public String type() {
            return headers.get(CeHeaders.TYPE);
        }

        public String exerciseId() {
            return headers.get(CeHeaders.EXERCISE_ID);
        }

        public String valueText() {
            return value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8);
        }

        public <T> T payload(Class<T> type) {
            try {
                return EventJson.mapper().readValue(value, type);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("record " + topic + "-" + partition + "@" + offset, e);
            }
        }
    }

    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<RawRecord> seen = new ArrayList<>();

    public TopicRecorder(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, true);
    }

    /** With {@code committedOnly} false, also what aborted transactions left in the log. */
    public TopicRecorder(String bootstrapServers, String topic, boolean committedOnly) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // what the stream processors write counts once their transaction commits
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything recorded so far, after one more poll. */
    public synchronized List<RawRecord> records() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new RawRecord(r.topic(), r.partition(), r.offset(), r.key(), InboundEvent.headers(r.headers()), r.value(),
                    r.timestamp()));
        }
        return List.copyOf(seen);
    }

    /**
     * Everything on the topic up to its end as of this call: polls until every partition is read that far, so a
     * test sees all records published before, not just the first batch.
     */
    public synchronized List<RawRecord> caughtUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + end + " within 30 s");
            }
            records();
        }
        return List.copyOf(seen);
    }

    /**
     * An exercise's events on the topic up to its end, each checked against the contracts (the test fails if not);
     * watermarks are checked too but left out: they follow the clock, not what the service decided.
     */
    public List<RawRecord> validRecords(String exerciseId) {
        return allValidRecords(exerciseId).stream().filter(r -> !isProgressMark(r)).toList();
    }

    /** An exercise's records on the topic up to its end, watermarks included, each checked against the contracts. */
    public List<RawRecord> allValidRecords(String exerciseId) {
        List<RawRecord> records = caughtUp().stream().filter(r -> exerciseId.equals(r.exerciseId())).toList();
        records.forEach(r -> org.assertj.core.api.Assertions.assertThat(violations(r))
                .as("contract violations of %s at %s-%d@%d", r.type(), r.topic(), r.partition(), r.offset())
                .isEmpty());
        return records;
    }

    private static boolean isProgressMark(RawRecord r) {
        return EventType.fromType(r.type()).map(EventType::isProgressMark).orElse(false);
    }

    /** The payloads of one event type among an exercise's (valid) records, in topic order per partition. */
    public <T> List<T> payloads(String exerciseId, EventType type, Class<T> payloadType) {
        return snapshot(exerciseId).payloads(type, payloadType);
    }

    /**
     * An exercise's (valid) records as of one moment. A test that relates events of several types (an offer to its
     * request) reads them all from one snapshot: separate reads each catch up further, so a later read can hold an
     * offer whose request came after the earlier read.
     */
    public Snapshot snapshot(String exerciseId) {
        return new Snapshot(validRecords(exerciseId));
    }

    /** Records read up to one moment. */
    public record Snapshot(List<RawRecord> records) {

        /** The payloads of one event type, in topic order per partition. */
        public <T> List<T> payloads(EventType type, Class<T> payloadType) {
            return records.stream().filter(r -> type.type().equals(r.type())).map(r -> r.payload(payloadType)).toList();
        }
    }

    /** The contract violations of a raw record; empty when it validates against {@code contracts/}. */
    public static List<Violation> violations(RawRecord record) {
        return VALIDATOR.validateRecord(record.headers(), record.value());
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
