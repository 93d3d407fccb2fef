package nl.weerbaar.kit.clock;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import nl.weerbaar.kit.readmodel.ReadModel;
import org.springframework.kafka.annotation.KafkaListener;

/** Follows the exercise topic in its own consumer group, so it never shares partitions with a service's listeners. */
public class ExerciseClockListener implements ReadModel.Folder {

    private final InboundEvents inbound;
    private final ExerciseClocks clocks;
    private final String applicationName;

    public ExerciseClockListener(InboundEvents inbound, ExerciseClocks clocks, String applicationName) {
        this.inbound = inbound;
        this.clocks = clocks;
        this.applicationName = applicationName;
    }

    @Override
    public ReadModel readModel() {
        return new ReadModel("exercise-clocks", applicationName + "-clock", "clock",
                java.util.List.of(ExerciseClocks.COLLECTION));
    }

    @KafkaListener(id = "${spring.application.name}-clock", groupId = "${spring.application.name}-clock",
            topics = Topics.EXERCISE)
    public void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("clock", record, clocks::apply);
    }
}
