package nl.weerbaar.outagetimeline.recorder;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** How many events of each type every exercise has on the record, over all topics (collection {@code event_counts}). */
@Component
public class EventCounts {

    static final String COLLECTION = "event_counts";

    private final MongoTemplate mongo;

    EventCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds events of an exercise, counted per type. */
    void count(String exerciseId, Map<String, Integer> byType) {
        Update update = new Update().inc("total", byType.values().stream().mapToInt(Integer::intValue).sum());
        byType.forEach((type, n) -> update.inc("byType." + type, n));
        mongo.upsert(Query.query(Criteria.where("_id").is(exerciseId)), update, COLLECTION);
    }

    public Counts of(String exerciseId) {
        Counts counts = mongo.findById(exerciseId, Counts.class, COLLECTION);
        return counts == null ? new Counts(exerciseId, 0, new TreeMap<>()) : counts;
    }

    /** Events on the record for one exercise: in total and per type (e.g. {@code inject-fired}). */
    public record Counts(@Id String exerciseId, long total, Map<String, Long> byType) {
    }
}
