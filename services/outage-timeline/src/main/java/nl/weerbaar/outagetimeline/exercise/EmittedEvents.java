package nl.weerbaar.outagetimeline.exercise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The derived ids of the timeline events already on the record (collection {@code emitted_events}). The engine
 * writes an id after the broker acknowledged it, and its own listener writes every id it reads back from the topic,
 * so after a restart nothing that reached Kafka is published again.
 */
@Component
class EmittedEvents {

    static final String COLLECTION = "emitted_events";
    private static final int REMEMBERED = 50_000;

    private final MongoTemplate mongo;
    private final Set<String> recent = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    EmittedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Which of {@code eventIds} are on the record: the remembered ones, the rest in one query. */
    synchronized Set<String> containing(Collection<String> eventIds) {
        Set<String> found = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String id : eventIds) {
            (recent.contains(id) ? found : unknown).add(id);
        }
        if (!unknown.isEmpty()) {
            for (Emitted stored : mongo.find(Query.query(Criteria.where("_id").in(unknown)), Emitted.class,
                    COLLECTION)) {
                recent.add(stored.id());
                found.add(stored.id());
            }
        }
        return found;
    }

    synchronized boolean contains(String eventId) {
        return containing(List.of(eventId)).contains(eventId);
    }

    synchronized void add(String eventId, String exerciseId) {
        addAll(List.of(eventId), exerciseId);
    }

    /** Records ids the broker acknowledged, in one write; ids the listener already read back are left as they are. */
    synchronized void addAll(Collection<String> eventIds, String exerciseId) {
        List<Emitted> fresh = eventIds.stream().filter(recent::add).map(id -> new Emitted(id, exerciseId)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Emitted.class, COLLECTION);
        for (Emitted e : fresh) {
            bulk.upsert(Query.query(Criteria.where("_id").is(e.id())),
                    new Update().setOnInsert("exerciseId", e.exerciseId()));
        }
        bulk.execute();
    }

    record Emitted(@Id String id, String exerciseId) {
    }
}
