package nl.weerbaar.kit.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts how often each exercise's events were applied: an idempotent consumer keeps it at one per event. Twice, as a
 * record listener ({@link #COLLECTION}) and as a batch listener ({@link #BATCH_COLLECTION}), so every case of the
 * pipeline is checked both ways.
 */
@Component
class ProbeListener {

    static final String COLLECTION = "probe_effects";
    static final String BATCH_COLLECTION = "batch_probe_effects";

    private final InboundEvents inbound;
    private final MongoTemplate mongo;

    ProbeListener(InboundEvents inbound, MongoTemplate mongo) {
        this.inbound = inbound;
        this.mongo = mongo;
    }

    @KafkaListener(id = "kit-probe", topics = Topics.EXERCISE)
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("kit-probe", record, event -> count(COLLECTION, event));
    }

    @KafkaListener(id = "kit-batch-probe", topics = Topics.EXERCISE,
            containerFactory = KafkaKitConfiguration.BATCH_LISTENERS)
    void on(List<ConsumerRecord<String, JsonNode>> records) {
        inbound.handleBatch("kit-batch-probe", records, events -> events.forEach(e -> count(BATCH_COLLECTION, e)));
    }

    private void count(String collection, InboundEvent event) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.exerciseId())),
                new Update().inc("applied", 1).set("lastType", event.type().type()), collection);
    }
}
