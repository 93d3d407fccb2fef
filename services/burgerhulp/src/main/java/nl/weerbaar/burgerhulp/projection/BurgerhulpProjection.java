package nl.weerbaar.burgerhulp.projection;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.burgerhulp.nsp.KnownNsps;
import nl.weerbaar.burgerhulp.overview.Reachabilities;
import nl.weerbaar.burgerhulp.request.HelpRequests;
import nl.weerbaar.burgerhulp.volunteer.Volunteers;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.CommandRefused;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import nl.weerbaar.kit.readmodel.BulkById;
import nl.weerbaar.kit.readmodel.ReadModel;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps burgerhulp's read models from its own topic (volunteers, help requests, reachability) and the noodsteunpunten
 * from theirs: live exercises and replays alike. Each read model applies an event once, whatever is redelivered.
 */
@Component
class BurgerhulpProjection implements ReadModel.Folder {

    static final String GROUP = "burgerhulp";

    /**
     * The events {@link #apply} folds: of the noodsteunpunt topic only the NSPs (not the millions of check-ins), of
     * its own not the commands (the coordination's input). The rest is passed over unread.
     */
    static final InboundEvents.Interest APPLIED = InboundEvents.Interest.only(EnumSet.of(EventType.NSP_REGISTERED,
            EventType.NSP_STATE_CHANGED, EventType.VOLUNTEER_REGISTERED, EventType.VOLUNTEER_PRESENCE_CHANGED,
            EventType.HELP_REQUEST_OPENED, EventType.HELP_OFFERED, EventType.OFFER_ANSWERED,
            EventType.ASSIGNMENT_PROGRESSED, EventType.BURGERHULP_COMMAND_REFUSED, EventType.HELP_REQUEST_ESCALATED,
            EventType.REACHABILITY_CHANGED));

    private final InboundEvents inbound;
    private final KnownNsps nsps;
    private final Volunteers volunteers;
    private final HelpRequests requests;
    private final Reachabilities reachability;

    BurgerhulpProjection(InboundEvents inbound, KnownNsps nsps, Volunteers volunteers, HelpRequests requests,
                         Reachabilities reachability) {
        this.inbound = inbound;
        this.nsps = nsps;
        this.volunteers = volunteers;
        this.requests = requests;
        this.reachability = reachability;
    }

    @Override
    public ReadModel readModel() {
        return new ReadModel("burgerhulp", GROUP, "projection", List.of(Volunteers.COLLECTION, HelpRequests.COLLECTION,
                KnownNsps.COLLECTION, Reachabilities.COLLECTION));
    }

    /** A poll at a time: the batch's help requests, volunteers and NSPs are read and written in bulk. */
    @KafkaListener(id = GROUP, groupId = GROUP, containerFactory = KafkaKitConfiguration.BATCH_LISTENERS,
            topics = {Topics.BURGERHULP, Topics.NOODSTEUNPUNT})
    void on(List<ConsumerRecord<String, JsonNode>> records) {
        inbound.handleBatch("projection", records, APPLIED, events -> {
            Fold fold = new Fold(requests.fold(events), volunteers.fold(BulkById.touchedBy(events, Map.of(
                    EventType.VOLUNTEER_REGISTERED, "/volunteer/id", EventType.VOLUNTEER_PRESENCE_CHANGED,
                    "/volunteerId"), Volunteers::key)), nsps.fold(BulkById.touchedBy(events, Map.of(
                    EventType.NSP_REGISTERED, "/nsp/id", EventType.NSP_STATE_CHANGED, "/nspId"), KnownNsps::key)));
            events.forEach(event -> apply(event, fold));
            fold.write();
        });
    }

    private record Fold(HelpRequests.Fold requests, Volunteers.Fold volunteers, KnownNsps.Fold nsps) {
        void write() {
            nsps.write();
            volunteers.write();
            requests.write();
        }
    }

    private void apply(InboundEvent event, Fold fold) {
        HelpRequests.Fold requests = fold.requests();
        switch (event.type()) {
            case NSP_REGISTERED -> fold.nsps().registered(event.payload(NspRegistered.class));
            case NSP_STATE_CHANGED -> fold.nsps().stateChanged(event.payload(NspStateChanged.class));
            case VOLUNTEER_REGISTERED -> fold.volunteers().registered(event.payload(VolunteerRegistered.class));
            case VOLUNTEER_PRESENCE_CHANGED -> fold.volunteers().presence(
                    event.payload(VolunteerPresenceChanged.class));
            case HELP_REQUEST_OPENED -> requests.opened(event.payload(HelpRequestOpened.class), event.id());
            case HELP_OFFERED -> requests.offered(event.payload(HelpOffered.class), event.id());
            case OFFER_ANSWERED -> requests.answered(event.payload(OfferAnswered.class), event.id());
            case ASSIGNMENT_PROGRESSED -> requests.progressed(event.payload(AssignmentProgressed.class), event.id());
            case BURGERHULP_COMMAND_REFUSED -> requests.refused(event.payload(CommandRefused.class), event.id());
            case HELP_REQUEST_ESCALATED -> requests.escalated(event.payload(HelpRequestEscalated.class), event.id());
            case REACHABILITY_CHANGED -> reachability.changed(event.payload(ReachabilityChanged.class),
                    event.offset());
            default -> {
                // commands are the coordination's input, not facts; the rest of the noodsteunpunt topic is not
                // burgerhulp's business
            }
        }
    }
}
