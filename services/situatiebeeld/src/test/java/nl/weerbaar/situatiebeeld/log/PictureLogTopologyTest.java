package nl.weerbaar.situatiebeeld.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.test.TopologyDriver;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The picture log's topology without a broker, writing to a real MongoDB-protocol server: every event of every topic
 * is logged once, each exercise's entries numbered 1, 2, 3 ... without gaps in the order taken in, whatever topic
 * and key they came with; a broken record goes to its dead-letter topic and the log goes on.
 */
class PictureLogTopologyTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private PictureLog log;
    private TopologyDriver driver;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        log = new PictureLog(new MongoTemplate(client, "picture-log-test"));
        driver = newDriver();
    }

    private TopologyDriver newDriver() {
        return new TopologyDriver("picture-log-test", b -> LogConfiguration.topology(b,
                new StreamEvents(VALIDATOR, "situatiebeeld", LogConfiguration.PROCESSOR, CLOCK), log));
    }

    @AfterEach
    void stop() {
        driver.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyEventOfEveryTopicIsLoggedOnceNumberedPerExerciseInTheOrderTakenIn() {
        List<String> idsOfA = new ArrayList<>();
        List<String> idsOfB = new ArrayList<>();
        int n = 0;
        for (ContractExamples.Example example : ContractExamples.all()) {
            if (example.type().isProgressMark() || !Topics.EXERCISE_STREAMS.contains(example.type().topic())) {
                continue; // the scenario library is no exercise's
            }
            boolean a = n++ % 3 != 0; // two exercises, interleaved
            String id = id(n);
            pipe(example, a ? "oef-a" : "oef-b", id);
            (a ? idsOfA : idsOfB).add(id);
        }
        pipe(ContractExamples.all().getFirst(), "oef-a", idsOfA.get(2)); // the same event again

        List<LogEntry> entriesOfA = log.all("oef-a");
        assertThat(entriesOfA).extracting(LogEntry::eventId).containsExactlyElementsOf(idsOfA);
        assertThat(entriesOfA).extracting(LogEntry::seq).containsExactlyElementsOf(numbers(idsOfA.size()));
        assertThat(log.all("oef-b")).extracting(LogEntry::eventId).containsExactlyElementsOf(idsOfB);
        assertThat(log.all("oef-b")).extracting(LogEntry::seq).containsExactlyElementsOf(numbers(idsOfB.size()));
        assertThat(driver.<Long>store(LogAppender.SEQUENCES).get("oef-a")).isEqualTo(idsOfA.size());
        assertThat(entriesOfA.stream().map(LogEntry::topic).distinct()).as("from all four topics")
                .containsExactlyInAnyOrder(Topics.EXERCISE, Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT,
                        Topics.BURGERHULP);
        assertThat(entriesOfA).filteredOn(e -> e.type().equals("citizen-checked-in")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.payload()).as("kept without postcode").doesNotContain("postcode"));
    }

    @Test
    void aBrokenRecordGoesToItsDeadLetterTopicAndTheLogGoesOn() {
        ContractExamples.Example example = ContractExamples.all().getFirst();
        pipe(example, "oef-c", id(1));
        driver.pipeRaw(Topics.BURGERHULP, "hr-1", "not json".getBytes(StandardCharsets.UTF_8));
        pipe(example, "oef-c", id(2));

        assertThat(driver.output(Topics.BURGERHULP + ".dlt")).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("not json"));
        assertThat(log.all("oef-c")).extracting(LogEntry::eventId, LogEntry::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id(1), 1L),
                        org.assertj.core.groups.Tuple.tuple(id(2), 2L));
    }

    @Test
    void aTaskRestartedAfterItsWriteButBeforeItsCommitNumbersTheSameEventsTheSameWay() {
        ContractExamples.Example example = ContractExamples.all().getFirst();
        pipe(example, "oef-d", id(1));
        pipe(example, "oef-d", id(2));
        driver.close();
        driver = newDriver(); // its sequence store starts from before those two: the commit after the write was lost
        pipe(example, "oef-d", id(1));
        pipe(example, "oef-d", id(2));
        pipe(example, "oef-d", id(3));

        assertThat(log.all("oef-d")).extracting(LogEntry::eventId, LogEntry::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id(1), 1L),
                        org.assertj.core.groups.Tuple.tuple(id(2), 2L), org.assertj.core.groups.Tuple.tuple(id(3), 3L));
        assertThat(driver.<Long>store(LogAppender.SEQUENCES).get("oef-d")).isEqualTo(3L);
    }

    /** A contract example as an event of {@code exerciseId} with id {@code id}, on its own topic. */
    private void pipe(ContractExamples.Example example, String exerciseId, String id) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, String> h : example.headers().entrySet()) {
            headers.add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        headers.remove(CeHeaders.ID).add(CeHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        headers.remove(CeHeaders.EXERCISE_ID).add(CeHeaders.EXERCISE_ID, exerciseId.getBytes(StandardCharsets.UTF_8));
        ObjectNode payload = example.payload().deepCopy();
        if (payload.has("exerciseId")) {
            payload.put("exerciseId", exerciseId);
        }
        String key = example.type().topic().equals(Topics.EXERCISE) ? exerciseId : "key-" + id;
        byte[] value;
        try {
            value = EventJson.mapper().writeValueAsBytes(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        driver.pipe(new Record<>(key, new Routed(example.type().topic(), value), CLOCK.millis(), headers));
    }

    /** Event ids are UUIDs by contract. */
    private static String id(int n) {
        return java.util.UUID.nameUUIDFromBytes(("ev-" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<Long> numbers(int count) {
        List<Long> numbers = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
