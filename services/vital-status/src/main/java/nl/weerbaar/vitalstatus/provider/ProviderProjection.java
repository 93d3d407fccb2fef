package nl.weerbaar.vitalstatus.provider;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusOverrideReleased;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import nl.weerbaar.kit.readmodel.BulkById;
import nl.weerbaar.kit.readmodel.ReadModel;
import java.util.List;
import java.util.Map;
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

    /** A poll at a time: the batch's providers read in one query, its changes written in one bulk write each. */
    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.VITAL_STATUS,
            containerFactory = KafkaKitConfiguration.BATCH_LISTENERS)
    void on(List<ConsumerRecord<String, JsonNode>> records) {
        inbound.handleBatch("projection", records, events -> {
            ProviderViews.Fold fold = views.fold(BulkById.touchedBy(events, Map.of(
                    EventType.PROVIDER_REGISTERED, "/provider/id", EventType.PROVIDER_STATUS_CHANGED, "/providerId",
                    EventType.STATUS_OVERRIDE_RELEASED, "/providerId"), ProviderView::key));
            events.forEach(event -> apply(event, fold));
            fold.write();
        });
    }

    private void apply(InboundEvent event, ProviderViews.Fold fold) {
        switch (event.type()) {
            case PROVIDER_REGISTERED -> fold.register(event.payload(ProviderRegistered.class), event.id(),
                    event.scenarioTimeSeconds());
            case PROVIDER_STATUS_CHANGED -> fold.status(event.payload(ProviderStatusChanged.class), event.id(),
                    event.partition(), event.offset());
            case STATUS_OVERRIDE_RELEASED -> fold.released(event.payload(StatusOverrideReleased.class));
            case VITAL_ALERT_RAISED -> fold.alert(event.payload(VitalAlertRaised.class), event.id());
            case VITAL_ALERT_RESOLVED -> fold.resolved(event.payload(VitalAlertResolved.class), event.id());
            default -> {
                // not a vital-status event
            }
        }
    }
}
