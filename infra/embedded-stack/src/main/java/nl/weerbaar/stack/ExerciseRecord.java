package nl.weerbaar.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An exercise as it stands on the four topics, read from the start until every simulating service has said it has
 * finished the exercise: its watermark with {@code ended} on every partition of its topic. Used by the benchmark (how
 * long that took, how many events) and the system test (what the events are).
 */
public final class ExerciseRecord {

    static final List<String> TOPICS = List.of("weerbaar.exercise.v1", "weerbaar.vital-status.v1",
            "weerbaar.noodsteunpunt.v1", "weerbaar.burgerhulp.v1");
    /** The services that mark their progress. */
    static final List<String> MARKING = List.of("vital-status", "noodsteunpunt", "burgerhulp");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExerciseRecord() {
    }

    /** One event of the exercise (watermarks are not events). */
    public record Event(String topic, String id, String type, long scenarioTimeSeconds, byte[] value) {

        public JsonNode payload() {
            return read(value);
        }
    }

    /**
     * Reads the exercise's events into {@code events} until every marking service has finished it, or throws after
     * {@code patience}. Returns, per service, the milliseconds from {@code startNanos} until it had.
     */
    public static Map<String, Long> readUntilFinished(String bootstrapServers, String exerciseId, long startNanos,
                                                      Duration patience, Consumer<Event> events) {
        Progress progress = readUntilFinishedOrLate(bootstrapServers, exerciseId, startNanos, patience, events);
        if (progress.finishedAt().size() < MARKING.size()) {
            throw new IllegalStateException("not every service finished " + exerciseId + " in " + patience
                    + "; finished: " + progress.finishedAt().keySet());
        }
        return progress.finishedAt();
    }

    /**
     * How far the marking services came: per service, when it finished (ms from the start), and the scenario time its
     * marks had reached on every partition (its progress, also when {@code patience} ran out first).
     */
    public record Progress(Map<String, Long> finishedAt, Map<String, Long> reachedSeconds) {
    }

    /** As {@link #readUntilFinished}, but when patience runs out it says how far each service came. */
    public static Progress readUntilFinishedOrLate(String bootstrapServers, String exerciseId, long startNanos,
                                                   Duration patience, Consumer<Event> events) {
        Map<String, Long> finishedAt = new HashMap<>();
        Map<String, Set<Integer>> endedPartitions = new HashMap<>();
        Map<String, Map<Integer, Long>> marked = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrapServers))) {
            List<TopicPartition> partitions = assignAll(consumer);
            consumer.seekToBeginning(partitions);
            while (finishedAt.size() < MARKING.size() && System.nanoTime() - startNanos <= patience.toNanos()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (!exerciseId.equals(header(r, "ce_exerciseid"))) {
                        continue;
                    }
                    String type = header(r, "ce_type");
                    if (type == null || !type.endsWith(".progress-marked.v1")) {
                        events.accept(new Event(r.topic(), header(r, "ce_id"), type,
                                Long.parseLong(header(r, "ce_scenariotime")), r.value()));
                        continue;
                    }
                    JsonNode mark = read(r.value());
                    String service = mark.path("service").asText();
                    marked.computeIfAbsent(service, s -> new HashMap<>()).merge(mark.path("partition").asInt(),
                            mark.path("upToSeconds").asLong(), Math::max);
                    if (mark.path("ended").asBoolean()) {
                        Set<Integer> ended = endedPartitions.computeIfAbsent(service, s -> new HashSet<>());
                        ended.add(mark.path("partition").asInt());
                        if (ended.size() == mark.path("partitions").asInt()) {
                            finishedAt.putIfAbsent(service,
                                    Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
                        }
                    }
                }
            }
        }
        Map<String, Long> reached = new HashMap<>();
        // a service has come as far as its least advanced partition (a partition without a mark: not started)
        marked.forEach((service, byPartition) -> reached.put(service,
                byPartition.values().stream().mapToLong(Long::longValue).min().orElse(0)));
        return new Progress(finishedAt, reached);
    }

    /** Every partition of the four topics, assigned to the consumer. */
    static List<TopicPartition> assignAll(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        return partitions;
    }

    /** A consumer of committed records only (what the services' transactions committed), in large batches. */
    static Properties consumerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return props;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
