package nl.weerbaar.outagetimeline.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Reads everything recorded for an exercise from all topics (Kafka is the system of record), in scenario-time
 * order; within one scenario second in the order it was produced. The original's own clock (created, state changes,
 * ticks) is left out: a replay runs on its own clock.
 */
@Component
public class RecordingReader {

    private static final Set<EventType> OWN_CLOCK = EnumSet.of(EventType.EXERCISE_CREATED,
            EventType.EXERCISE_STATE_CHANGED, EventType.CLOCK_TICKED);
    private static final Comparator<RecordedEvent> ORDER = Comparator
            .comparingLong(RecordedEvent::scenarioTimeSeconds).thenComparing(RecordedEvent::time)
            .thenComparingInt(RecordedEvent::topicRank).thenComparingLong(RecordedEvent::offset);

    private final String bootstrapServers;
    private final ImportedRecordings imports;

    RecordingReader(KafkaConnectionDetails kafka, ImportedRecordings imports) {
        this.bootstrapServers = String.join(",", kafka.getConsumer().getBootstrapServers());
        this.imports = imports;
    }

    /**
     * The recorded events of {@code exerciseId} between two scenario times (inclusive); the world always. An
     * imported recording is read from where the import kept it.
     */
    public List<RecordedEvent> read(String exerciseId, long fromSeconds, long toSeconds) {
        return imports.read(exerciseId, fromSeconds, toSeconds)
                .orElseGet(() -> fromKafka(exerciseId, fromSeconds, toSeconds));
    }

    private List<RecordedEvent> fromKafka(String exerciseId, long fromSeconds, long toSeconds) {
        List<RecordedEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.EXERCISE_STREAMS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    recorded(record, exerciseId).filter(e -> e.type() == EventType.SCENARIO_LOADED
                                    || (e.scenarioTimeSeconds() >= fromSeconds && e.scenarioTimeSeconds() <= toSeconds))
                            .ifPresent(events::add);
                }
            }
        }
        events.sort(ORDER);
        return events;
    }

    private static java.util.Optional<RecordedEvent> recorded(ConsumerRecord<String, byte[]> record, String exerciseId) {
        Map<String, String> headers = InboundEvent.headers(record.headers());
        if (!exerciseId.equals(headers.get(CeHeaders.EXERCISE_ID)) || record.value() == null) {
            return java.util.Optional.empty();
        }
        return EventType.fromType(headers.get(CeHeaders.TYPE)).filter(type -> !OWN_CLOCK.contains(type) && !type.isProgressMark())
                .map(type -> {
                    try {
                        return new RecordedEvent(type, record.key(), headers.get(CeHeaders.ID),
                                headers.get(CeHeaders.SOURCE), Long.parseLong(headers.get(CeHeaders.SCENARIO_TIME)),
                                Instant.parse(headers.get(CeHeaders.TIME)), headers.get(CeHeaders.CAUSATION_ID),
                                EventJson.mapper().readTree(record.value()), Topics.EXERCISE_STREAMS.indexOf(record.topic()),
                                record.offset());
                    } catch (java.io.IOException | RuntimeException e) {
                        return null; // a record that broke its contract went to the dead-letter topic, not the record
                    }
                });
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return props;
    }
}
