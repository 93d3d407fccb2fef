package nl.weerbaar.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.exercise.ClockTicked;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** A batch goes out in one piece, and a partial failure says exactly which events the broker acknowledged. */
class EventPublisherBatchTest {

    private static final long EPOCH = 1_700_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), java.time.ZoneOffset.UTC);

    private final MockProducer<String, Object> producer = new MockProducer<>(false, new StringSerializer(),
            (Serializer<Object>) (topic, data) -> data.toString().getBytes());
    private final EventPublisher publisher = new EventPublisher(
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), new SchemaValidator(),
            new SimpleMeterRegistry(), "test", CLOCK, Duration.ofSeconds(5));

    @Test
    void sendsTheWholeBatchBeforeWaitingAndReturnsEachAcknowledgement() throws Exception {
        List<EventPublisher.Draft> drafts = List.of(tick("t1", 300), tick("t2", 600), tick("t3", 900));

        CompletableFuture<List<EventPublisher.Published>> done =
                CompletableFuture.supplyAsync(() -> publisher.publishAll(drafts));
        org.awaitility.Awaitility.await().until(() -> producer.history().size() == 3);
        assertThat(done).isNotDone(); // all three are in flight together, none acknowledged yet
        while (producer.completeNext()) {
            // acknowledge in order
        }

        assertThat(done.get()).extracting(EventPublisher.Published::eventId).containsExactly("t1", "t2", "t3");
        assertThat(producer.history()).extracting(r -> r.timestamp()).containsExactly(EPOCH + 300_000L, EPOCH + 600_000L, EPOCH + 900_000L);
    }

    @Test
    void aPartialFailureNamesTheAcknowledgedEventsAndNoOthers() {
        List<EventPublisher.Draft> drafts = List.of(tick("t1", 300), tick("t2", 600), tick("t3", 900));

        CompletableFuture<List<EventPublisher.Published>> done =
                CompletableFuture.supplyAsync(() -> publisher.publishAll(drafts));
        org.awaitility.Awaitility.await().until(() -> producer.history().size() == 3);
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("broker away"));
        producer.completeNext();

        assertThatThrownBy(done::join).cause().isInstanceOfSatisfying(EventPublisher.PartlyStoredException.class,
                e -> assertThat(e.stored()).extracting(EventPublisher.Published::eventId)
                        .containsExactly("t1", "t3"));
    }

    @Test
    void aDraftThatBreaksItsSchemaIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> publisher.draft("bad", "ex-1", new ClockTicked(null, 0, 1, CLOCK.instant()),
                context(0))).isInstanceOf(RuntimeException.class);
        assertThat(producer.history()).isEmpty();
    }

    private EventPublisher.Draft tick(String id, long at) {
        return publisher.draft(id, "ex-1", new ClockTicked("ex-1", at, 60, CLOCK.instant()), context(at));
    }

    private static EventContext context(long at) {
        return new EventContext("ex-1", ExerciseStatus.EXERCISE, at, null, null, EPOCH);
    }
}
