package nl.weerbaar.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.kit.idempotency.AppliedOffsets;
import nl.weerbaar.kit.idempotency.ProcessedEvents;
import nl.weerbaar.kit.mongo.InProcessMongo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * How a batch listener applies each event once, against the MongoDB-protocol server: redeliveries by their offsets,
 * and the events that can come again at a later offset by their ids.
 */
class InboundEventsTest {

    private static MongoClient client;
    private static MongoTemplate mongo;
    private static InboundEvents inbound;
    private final String consumer = "test-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(InProcessMongo.uri("inbound-events-test"));
        mongo = new MongoTemplate(client, "inbound-events-test");
        inbound = new InboundEvents(new SchemaValidator(), new ProcessedEvents(mongo, Clock.systemUTC()),
                new AppliedOffsets(mongo), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aRedeliveredBatchIsNotAppliedAgainAndItsNewRecordsAre() {
        List<ConsumerRecord<String, JsonNode>> first = List.of(record(EventType.PROVIDER_STATUS_CHANGED, 0, 10),
                record(EventType.PROVIDER_STATUS_CHANGED, 0, 11), record(EventType.PROVIDER_STATUS_CHANGED, 1, 4));
        assertThat(apply(first)).hasSize(3);

        // the offsets were not committed: the same records come again, with one that is new behind them
        List<ConsumerRecord<String, JsonNode>> again = new ArrayList<>(first);
        again.add(record(EventType.PROVIDER_STATUS_CHANGED, 0, 12));
        assertThat(apply(again)).containsExactly(id(again.get(3)));
        // events of a stream processor's topic are not remembered one by one
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^" + consumer)), ProcessedEvents.COLLECTION))
                .isZero();
    }

    @Test
    void aTimelineEventSentAgainAtALaterOffsetIsAppliedOnce() {
        ConsumerRecord<String, JsonNode> inject = record(EventType.INJECT_FIRED, 2, 7);
        ConsumerRecord<String, JsonNode> sentAgain = new ConsumerRecord<>(inject.topic(), 2, 8, inject.key(),
                inject.value());
        inject.headers().forEach(header -> sentAgain.headers().add(header));

        assertThat(apply(List.of(inject))).containsExactly(id(inject));
        assertThat(apply(List.of(sentAgain))).isEmpty();
    }

    @Test
    void theEventsBeforeOneThatFailsStayAppliedAndAreNotAppliedAgain() {
        ConsumerRecord<String, JsonNode> good = record(EventType.PROVIDER_STATUS_CHANGED, 3, 1);
        ConsumerRecord<String, JsonNode> failing = record(EventType.PROVIDER_STATUS_CHANGED, 3, 2);
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> inbound.handleBatch(consumer, List.of(good, failing), events -> {
            if (events.stream().anyMatch(event -> event.id().equals(id(failing)))) {
                throw new IllegalStateException("this one cannot be applied");
            }
            events.forEach(event -> applied.add(event.id()));
        })).isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex())
                .isEqualTo(1));
        assertThat(applied).containsExactly(id(good));

        // the container commits the first, dead-letters the second; were the first delivered again, it is skipped
        assertThat(apply(List.of(good))).isEmpty();
    }

    @Test
    void aListenerPassesOverTypesItHasNoUseForUnreadAndReportsABrokenRecordByItsIndexInThePoll() {
        ConsumerRecord<String, JsonNode> wanted = record(EventType.PROVIDER_STATUS_CHANGED, 4, 1);
        ConsumerRecord<String, JsonNode> otherType = record(EventType.EXERCISE_CREATED, 4, 2);
        ((ObjectNode) otherType.value()).put("speed", -1); // broken, but not this listener's to check
        ConsumerRecord<String, JsonNode> broken = record(EventType.PROVIDER_STATUS_CHANGED, 4, 3);
        ((ObjectNode) broken.value()).remove("providerId");
        List<String> applied = new ArrayList<>();

        assertThatThrownBy(() -> inbound.handleBatch(consumer, List.of(wanted, otherType, broken),
                InboundEvents.Interest.only(Set.of(EventType.PROVIDER_STATUS_CHANGED)),
                events -> events.forEach(event -> applied.add(event.id()))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(2);
                    assertThat(failed.getMessage()).contains("breaks its contract");
                });
        assertThat(applied).containsExactly(id(wanted));
    }

    @Test
    void countingChecksTheEnvelopeOnly() {
        ConsumerRecord<String, JsonNode> oddPayload = record(EventType.PROVIDER_STATUS_CHANGED, 5, 1);
        ((ObjectNode) oddPayload.value()).remove("providerId");
        ConsumerRecord<String, JsonNode> noExercise = record(EventType.PROVIDER_STATUS_CHANGED, 5, 2);
        noExercise.headers().remove(CeHeaders.EXERCISE_ID);
        List<String> counted = new ArrayList<>();

        assertThatThrownBy(() -> inbound.handleBatch(consumer, List.of(oddPayload, noExercise),
                InboundEvents.Interest.ENVELOPES, events -> events.forEach(event -> counted.add(event.id()))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex())
                        .isEqualTo(1));
        assertThat(counted).containsExactly(id(oddPayload));
    }

    private List<String> apply(List<ConsumerRecord<String, JsonNode>> records) {
        List<String> applied = new ArrayList<>();
        inbound.handleBatch(consumer, records, events -> events.forEach(event -> applied.add(event.id())));
        return applied;
    }

    /** A valid record of {@code type} on its topic, under a new event id (each test has a consumer of its own). */
    private ConsumerRecord<String, JsonNode> record(EventType type, int partition, long offset) {
        ContractExamples.Example example = ContractExamples.of(type).getFirst();
        Map<String, String> headers = new HashMap<>(example.headers());
        headers.put(CeHeaders.ID, UUID.randomUUID().toString());
        ConsumerRecord<String, JsonNode> record = new ConsumerRecord<>(type.topic(), partition, offset, "key",
                example.payload().deepCopy());
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String id(ConsumerRecord<String, JsonNode> record) {
        return new String(record.headers().lastHeader(CeHeaders.ID).value(), StandardCharsets.UTF_8);
    }
}
