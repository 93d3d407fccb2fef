package nl.weerbaar.kit.clock;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Follows the exercise topic in its own consumer group, so it never shares partitions with a service's listeners. */
public class ExerciseClockListener {

    private final InboundEvents inbound;
    private final ExerciseClocks clocks;

    public ExerciseClockListener(InboundEvents inbound, ExerciseClocks clocks) {
        this.inbound = inbound;
        this.clocks = clocks;
    }

    @KafkaListener(id = "${spring.application.name}-clock", groupId = "${spring.application.name}-clock",
            topics = Topics.EXERCISE)
    public void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("clock", record, clocks::apply);
    }
}
