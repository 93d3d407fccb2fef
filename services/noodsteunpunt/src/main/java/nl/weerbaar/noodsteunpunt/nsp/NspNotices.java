package nl.weerbaar.noodsteunpunt.nsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.readmodel.BulkById;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the crisis team must notice at the noodsteunpunten — thresholds, households without a place, resupply
 * requests and deliveries, help requests — kept as they were published (collection {@code nsp_notices}, one document
 * per event id, so an event applied twice is stored once).
 */
@Component
public class NspNotices {

    static final String NOTICES = "nsp_notices";

    /** The event types kept here, by the kind name the API uses. */
    public static final Map<String, EventType> KINDS = Map.of(
            "threshold", EventType.OCCUPANCY_THRESHOLD_CROSSED,
            "unserved", EventType.HOUSEHOLD_UNSERVED,
            "resupply", EventType.RESUPPLY_REQUESTED,
            "delivery", EventType.SUPPLIES_DELIVERED,
            "help", EventType.HELP_REQUESTED);

    private final MongoTemplate mongo;

    NspNotices(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Fold fold() {
        return new Fold(BulkById.writing(mongo, Document.class, NOTICES));
    }

    /** One batch's notices, written in one bulk write; keyed by event id, so a notice applied twice is kept once. */
    final class Fold {

        private final BulkById<Document> notices;

        private Fold(BulkById<Document> notices) {
            this.notices = notices;
        }

        void add(String eventId, EventType type, String exerciseId, String nspId, long atSeconds, JsonNode payload) {
            String kind = KINDS.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey)
                    .findFirst().orElseThrow();
            notices.put(eventId, new Document("_id", eventId).append("exerciseId", exerciseId).append("kind", kind)
                    .append("nspId", nspId).append("atSeconds", atSeconds)
                    .append("event", Document.parse(payload.toString())));
        }

        /** Personal data out of the stored help requests: their free notes (the batch's notices first). */
        void purge(String exerciseId) {
            write();
            mongo.updateMulti(Query.query(Criteria.where("exerciseId").is(exerciseId).and("kind").is("help")),
                    new Update().unset("event.note"), NOTICES);
        }

        void write() {
            notices.write();
        }
    }

    /** The notices of an exercise in scenario-time order, of one kind and of these NSPs when given (null: all). */
    public List<Map<String, Object>> find(String exerciseId, String kind, java.util.Collection<String> nspIds) {
        Criteria criteria = Criteria.where("exerciseId").is(exerciseId);
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (nspIds != null) {
            criteria = criteria.and("nspId").in(nspIds);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("atSeconds", "_id")), Document.class, NOTICES).stream()
                .map(d -> {
                    Map<String, Object> notice = new java.util.LinkedHashMap<>();
                    notice.put("kind", d.getString("kind"));
                    notice.put("nspId", d.getString("nspId"));
                    notice.put("atSeconds", d.get("atSeconds"));
                    notice.put("event", EventJson.mapper().convertValue(d.get("event", Document.class), Map.class));
                    return notice;
                })
                .toList();
    }

}
