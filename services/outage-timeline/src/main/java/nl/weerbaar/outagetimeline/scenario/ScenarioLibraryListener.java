package nl.weerbaar.outagetimeline.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.scenario.ScenarioUploaded;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.readmodel.ReadModel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Folds the scenario library from its topic: the uploaded scenarios, rebuildable like every read model. */
@Component
class ScenarioLibraryListener implements ReadModel.Folder {

    static final String GROUP = "outage-timeline-scenarios";

    private final InboundEvents inbound;
    private final ScenarioCatalog catalog;

    ScenarioLibraryListener(InboundEvents inbound, ScenarioCatalog catalog) {
        this.inbound = inbound;
        this.catalog = catalog;
    }

    @Override
    public ReadModel readModel() {
        return new ReadModel("scenarios", GROUP, "scenarios", List.of(ScenarioCatalog.COLLECTION));
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.SCENARIOS)
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("scenarios", record, event -> {
            if (event.type() == EventType.SCENARIO_UPLOADED) {
                catalog.fold(event.payload(ScenarioUploaded.class));
            }
        });
    }
}
