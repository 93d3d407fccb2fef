package nl.weerbaar.situatiebeeld.log;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import nl.weerbaar.situatiebeeld.stream.StreamHub;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes in the four event streams (live exercises and replays alike): each event is logged once, then moves the live
 * picture on and goes to the browsers watching that exercise.
 */
@Component
class PictureProjection {

    static final String GROUP = "situatiebeeld";

    private final InboundEvents inbound;
    private final PictureLog log;
    private final LivePictures pictures;
    private final StreamHub hub;

    PictureProjection(InboundEvents inbound, PictureLog log, LivePictures pictures, StreamHub hub) {
        this.inbound = inbound;
        this.log = log;
        this.pictures = pictures;
        this.hub = hub;
    }

    @KafkaListener(id = GROUP, groupId = GROUP,
            topics = {Topics.EXERCISE, Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT, Topics.BURGERHULP})
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("picture", record, event -> log.append(event).ifPresent(entry -> {
            pictures.taken(entry);
            hub.taken(entry);
        }));
    }
}
