package nl.weerbaar.noodsteunpunt.nsp;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspSituationReported;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.PersonalDataPurged;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import nl.weerbaar.noodsteunpunt.checkin.CheckIns;
import nl.weerbaar.kit.readmodel.BulkById;
import nl.weerbaar.kit.readmodel.ReadModel;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Listens to its own topic and keeps the read models: live exercises and replays alike. */
@Component
class NspProjection implements ReadModel.Folder {

    static final String GROUP = "noodsteunpunt";

    private final InboundEvents inbound;
    private final NspViews views;
    private final CheckIns checkIns;
    private final NspNotices notices;

    NspProjection(InboundEvents inbound, NspViews views, CheckIns checkIns, NspNotices notices) {
        this.inbound = inbound;
        this.views = views;
        this.checkIns = checkIns;
        this.notices = notices;
    }

    @Override
    public ReadModel readModel() {
        return new ReadModel("nsps", GROUP, "projection", List.of(NspViews.NSPS, NspViews.HISTORY, NspNotices.NOTICES,
                CheckIns.CHECK_INS));
    }

    /**
     * A poll at a time: the batch's NSPs are read in one query, and its check-ins, NSP changes, history and notices
     * go to MongoDB in one bulk write each.
     */
    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.NOODSTEUNPUNT,
            containerFactory = KafkaKitConfiguration.BATCH_LISTENERS)
    void on(List<ConsumerRecord<String, JsonNode>> records) {
        inbound.handleBatch("projection", records, events -> {
            Fold fold = new Fold(checkIns.fold(), views.fold(BulkById.touchedBy(events, Map.of(EventType.NSP_REGISTERED, "/nsp/id",
                    EventType.NSP_STATE_CHANGED, "/nspId", EventType.NSP_SITUATION_REPORTED, "/nspId"), NspView::key)), notices.fold());
            events.forEach(event -> apply(event, fold));
            fold.write();
        });
    }

    private record Fold(CheckIns.Fold checkIns, NspViews.Fold views, NspNotices.Fold notices) {
        void write() {
            views.write();
            notices.write();
            checkIns.write();
        }
    }

    private void apply(InboundEvent event, Fold fold) {
        switch (event.type()) {
            case NSP_REGISTERED -> fold.views().register(event.payload(NspRegistered.class), event.id(),
                    event.scenarioTimeSeconds());
            case NSP_STATE_CHANGED -> fold.views().state(event.payload(NspStateChanged.class), event.id(),
                    event.offset());
            case NSP_SITUATION_REPORTED -> {
                NspSituationReported report = event.payload(NspSituationReported.class);
                fold.views().stock(report.exerciseId(), report.nspId(), report.stock(), report.atSeconds(), event.id());
            }
            case CITIZEN_CHECKED_IN -> fold.checkIns().checkedIn(event.payload(CitizenCheckedIn.class));
            case CITIZEN_CHECKED_OUT -> fold.checkIns().checkedOut(event.payload(CitizenCheckedOut.class));
            case OCCUPANCY_THRESHOLD_CROSSED, HOUSEHOLD_UNSERVED, RESUPPLY_REQUESTED, SUPPLIES_DELIVERED,
                 HELP_REQUESTED -> fold.notices().add(event.id(), event.type(), event.exerciseId(),
                    event.payload().path("nspId").asText(null), event.scenarioTimeSeconds(), event.payload());
            case PERSONAL_DATA_PURGED -> {
                PersonalDataPurged purged = event.payload(PersonalDataPurged.class);
                fold.checkIns().purge(purged.exerciseId());
                fold.notices().purge(purged.exerciseId());
            }
            default -> {
                // not a noodsteunpunt event
            }
        }
    }
}
