package nl.weerbaar.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.idempotency.ProcessedEvents;
import nl.weerbaar.kit.kafka.EventValueSerializer;
import nl.weerbaar.kit.kafka.JsonNodeDeserializer;
import nl.weerbaar.kit.test.TopicRecorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The repository and messaging paths against the real MongoDB and Apache Kafka images. Runs where Docker exists,
 * skipped cleanly elsewhere; the same paths run on every machine against mongo-java-server and the in-process broker.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoAndKafkaContainersTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Test
    void processedEventsAndClocksOnRealMongo() {
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(MONGO.getConnectionString()), "weerbaar-it");
        ProcessedEvents processed = new ProcessedEvents(mongo, Clock.systemUTC());
        String id = UUID.randomUUID().toString();
        assertThat(processed.contains("it", id)).isFalse();
        processed.remember("it", id);
        processed.remember("it", id);
        assertThat(processed.contains("it", id)).isTrue();

        ExerciseClocks clocks = new ExerciseClocks(mongo, Clock.systemUTC());
        for (ContractExamples.Example example : ContractExamples.all()) {
            var record = new ConsumerRecord<>(Topics.EXERCISE, 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0,
                    "k", example.payload(), new RecordHeaders(), java.util.Optional.empty());
            example.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            InboundEvent event = InboundEvent.from(record, new SchemaValidator());
            clocks.apply(event);
            clocks.apply(event);
        }
        var clock = clocks.find("oef-2026-11-24-bernheze").orElseThrow();
        assertThat(clock.state()).isEqualTo("RUNNING");
        assertThat(clock.scenarioTimeSeconds()).isEqualTo(11_400);
    }

    @Test
    void publishedRecordsOnRealKafkaCarryTheEnvelopeAndValidate() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.getBootstrapServers()))) {
            admin.createTopics(java.util.List.of(new NewTopic(Topics.EXERCISE, 1, (short) 1))).all().get();
        }
        var factory = new DefaultKafkaProducerFactory<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventValueSerializer.class));
        EventPublisher publisher = new EventPublisher(new KafkaTemplate<>(factory), new SchemaValidator(),
                new SimpleMeterRegistry(), "it", Clock.systemUTC(), Duration.ofSeconds(30));
        String eventId = publisher.publish("oef-it", new ExerciseCreated("oef-it", "s", "S", 1, 1, 0, null,
                ExerciseStatus.TEST, null, "it", null), EventContext.of("oef-it", ExerciseStatus.TEST, 0));

        try (TopicRecorder topic = new TopicRecorder(KAFKA.getBootstrapServers(), Topics.EXERCISE)) {
            var record = await().atMost(Duration.ofSeconds(60)).until(topic::records, r -> !r.isEmpty()).getFirst();
            assertThat(record.headers()).containsEntry(CeHeaders.ID, eventId)
                    .containsEntry(CeHeaders.TYPE, EventType.EXERCISE_CREATED.type());
            assertThat(TopicRecorder.violations(record)).isEmpty();
            assertThat(new JsonNodeDeserializer().deserialize(Topics.EXERCISE, record.value()).path("exerciseId").asText())
                    .isEqualTo("oef-it");
        }
        factory.destroy();
    }
}
