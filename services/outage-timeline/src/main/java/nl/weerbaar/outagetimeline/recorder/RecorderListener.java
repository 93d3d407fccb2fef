package nl.weerbaar.outagetimeline.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.readmodel.ReadModel;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts what every exercise puts on the record, on all topics, so trainers see the size of past exercises. */
@Component
class RecorderListener implements ReadModel.Folder {

    private final InboundEvents inbound;
    private final EventCounts counts;

    RecorderListener(InboundEvents inbound, EventCounts counts) {
        this.inbound = inbound;
        this.counts = counts;
    }

    @Override
    public ReadModel readModel() {
        return new ReadModel("event-counts", GROUP, "recorder", List.of(EventCounts.COLLECTION));
    }

    static final String GROUP = "outage-timeline-recorder";

    @KafkaListener(id = GROUP, groupId = GROUP,
            topics = {Topics.EXERCISE, Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT, Topics.BURGERHULP})
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("recorder", record, event -> counts.count(event.exerciseId(), shortName(event.type().type())));
    }

    /** {@code nl.weerbaar.exercise.inject-fired.v1} → {@code inject-fired}: a field name MongoDB accepts. */
    static String shortName(String ceType) {
        String[] parts = ceType.split("\\.");
        return parts[parts.length - 2];
    }
}
