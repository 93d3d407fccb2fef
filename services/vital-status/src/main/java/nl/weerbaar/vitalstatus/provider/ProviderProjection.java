package nl.weerbaar.vitalstatus.provider;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusOverrideReleased;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.readmodel.ReadModel;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Listens to its own topic and keeps the read model: live exercises and replays alike. */
@Component
class ProviderProjection implements ReadModel.Folder {

    static final String GROUP = "vital-status";

    private final InboundEvents inbound;
    private final ProviderViews views;

    ProviderProjection(InboundEvents inbound, ProviderViews views) {
        this.inbound = inbound;
        this.views = views;
    }

    @Override
    public ReadModel readModel() {
        return new ReadModel("providers", GROUP, "projection", List.of(ProviderViews.PROVIDERS, ProviderViews.HISTORY,
                ProviderViews.ALERTS));
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.VITAL_STATUS)
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("projection", record, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case PROVIDER_REGISTERED -> views.register(event.payload(ProviderRegistered.class), event.id(),
                    event.scenarioTimeSeconds());
            case PROVIDER_STATUS_CHANGED -> views.status(event.payload(ProviderStatusChanged.class), event.id(),
                    event.partition(), event.offset());
            case STATUS_OVERRIDE_RELEASED -> views.released(event.payload(StatusOverrideReleased.class));
            case VITAL_ALERT_RAISED -> views.alert(event.payload(VitalAlertRaised.class), event.id());
            default -> {
                // not a vital-status event
            }
        }
    }
}
