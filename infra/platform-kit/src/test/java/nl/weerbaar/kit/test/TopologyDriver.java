package nl.weerbaar.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ProgressMarked;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.Routed;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A stream processor's topology without a broker (TopologyTestDriver, exactly_once_v2): pipe the records a producer
 * would write, read what the topology wrote, and compare events by what they are (key, id, type, scenario time, event
 * time, payload; not the wall time).
 */
public final class TopologyDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final String applicationId;
    private final Consumer<StreamsBuilder> topology;
    private boolean closed;

    public TopologyDriver(String applicationId, Consumer<StreamsBuilder> topology) {
        this.applicationId = applicationId;
        this.topology = topology;
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(builder);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // a directory of its own: persistent stores lock theirs, and a restarted driver opens beside the old one
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG,
                    java.nio.file.Files.createTempDirectory("topology-driver-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.driver = new TopologyTestDriver(builder.build(), props);
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** Writes a record (as built by a StreamEvents of the producing service) to its topic. */
    public void pipe(Record<String, Routed> record) {
        driver.createInputTopic(record.value().topic(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(new TestRecord<>(record.key(), record.value().value(), record.headers(),
                        record.timestamp()));
    }

    public void pipeRaw(String topic, String key, byte[] value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()).pipeInput(key, value);
    }

    /** What the topology wrote to the topic since the last read. */
    public List<TestRecord<String, byte[]>> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    public <V> org.apache.kafka.streams.state.KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** What an event is, without its wall time: key, id, type, scenario time, event time and payload. */
    /**
     * {@code inputs} as outage-timeline may deliver them after crashes: every exercise-topic record twice in a row,
     * and all of them once more after the rest (same ids, later offsets).
     */
    public static List<Record<String, Routed>> withExerciseCopies(List<Record<String, Routed>> inputs) {
        List<Record<String, Routed>> copies = new java.util.ArrayList<>();
        for (Record<String, Routed> record : inputs) {
            copies.add(record);
            if (record.value().topic().equals(nl.weerbaar.contracts.Topics.EXERCISE)) {
                copies.add(record);
            }
        }
        inputs.stream().filter(r -> r.value().topic().equals(nl.weerbaar.contracts.Topics.EXERCISE))
                .forEach(copies::add);
        return copies;
    }

    public static String content(TestRecord<String, byte[]> r) {
        Headers h = r.headers();
        return r.key() + " " + header(h, CeHeaders.ID) + " " + header(h, CeHeaders.TYPE) + " "
                + header(h, CeHeaders.SCENARIO_TIME) + " " + r.timestamp() + " "
                + new String(r.value(), StandardCharsets.UTF_8);
    }

    public static String header(Headers headers, String name) {
        return headers.lastHeader(name) == null ? null
                : new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The record as a checked event (the test fails when it breaks its contract). */
    public static InboundEvent event(TestRecord<String, byte[]> r, String topic, SchemaValidator validator) {
        try {
            return InboundEvent.from(InboundEvent.headers(r.headers()), EventJson.mapper().readTree(r.value()),
                    r.timestamp(), topic, 0, 0, validator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isProgressMark(TestRecord<String, byte[]> r) {
        return EventType.fromType(header(r.headers(), CeHeaders.TYPE)).map(EventType::isProgressMark).orElse(false);
    }

    /**
     * Checks a processor's output as its watermarks promise it: marks on every partition that only move forward, no
     * decision at or before a mark already written on every partition, every decision covered by a later mark;
     * returns the lowest mark at the end.
     */
    public static long assertMarksCoverEveryDecision(List<TestRecord<String, byte[]>> out, String topic,
                                                     SchemaValidator validator, int partitions) {
        long[] marked = new long[partitions];
        java.util.Arrays.fill(marked, -1);
        long lowest = -1;
        List<Long> pending = new java.util.ArrayList<>(); // decisions not yet covered by a mark on every partition
        for (TestRecord<String, byte[]> r : out) {
            InboundEvent e = event(r, topic, validator);
            if (isProgressMark(r)) {
                ProgressMarked mark = e.payload(ProgressMarked.class);
                assertThat(mark.partitions()).isEqualTo(partitions);
                assertThat(mark.upToSeconds()).as("marks only move forward").isGreaterThanOrEqualTo(
                        marked[mark.partition()]);
                assertThat(r.key()).isEqualTo(mark.exerciseId());
                marked[mark.partition()] = mark.upToSeconds();
                lowest = java.util.Arrays.stream(marked).min().orElseThrow();
                long low = lowest;
                pending.removeIf(t -> t <= low);
            } else {
                assertThat(e.scenarioTimeSeconds()).as("no decision behind a mark already written")
                        .isGreaterThan(lowest);
                pending.add(e.scenarioTimeSeconds());
            }
        }
        assertThat(pending).as("every decision covered by a later mark").isEmpty();
        return lowest;
    }

    /**
     * The topology as an instance that takes over the task runs it: new processors (nothing in their memory) over
     * stores that hold what this driver's stores hold, as Kafka Streams restores them from their changelogs. This
     * driver is closed. A processor that keeps state in memory between records must decide the same after this.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TopologyDriver restarted() {
        TopologyDriver next = new TopologyDriver(applicationId, topology);
        driver.getAllStateStores().forEach((name, store) -> {
            if (store instanceof org.apache.kafka.streams.state.KeyValueStore kv) {
                org.apache.kafka.streams.state.KeyValueStore target = next.driver.getKeyValueStore(name);
                try (org.apache.kafka.streams.state.KeyValueIterator it = kv.all()) {
                    it.forEachRemaining(entry -> {
                        org.apache.kafka.streams.KeyValue e = (org.apache.kafka.streams.KeyValue) entry;
                        target.put(e.key, e.value);
                    });
                }
            }
        });
        close();
        return next;
    }

    /** What a run with restarts wrote to a topic, and the driver it ended with (still open). */
    public record RestartedRun(TopologyDriver last, List<TestRecord<String, byte[]>> output) {
    }

    /** Pipes the records, {@link #restarted() restarting} every {@code every} records, and collects the topic. */
    public RestartedRun pipeRestartingEvery(int every, List<Record<String, Routed>> inputs, String topic) {
        TopologyDriver current = this;
        List<TestRecord<String, byte[]>> out = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (i > 0 && i % every == 0) {
                out.addAll(current.output(topic));
                current = current.restarted();
            }
            current.pipe(inputs.get(i));
        }
        out.addAll(current.output(topic));
        return new RestartedRun(current, out);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            driver.close();
        }
    }
}
