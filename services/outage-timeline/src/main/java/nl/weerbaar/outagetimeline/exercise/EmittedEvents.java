package nl.weerbaar.outagetimeline.exercise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    synchronized boolean contains(String eventId) {
        if (recent.contains(eventId)) {
            return true;
        }
        boolean stored = mongo.findById(eventId, Emitted.class, COLLECTION) != null;
        if (stored) {
            recent.add(eventId);
        }
        return stored;
    }

    synchronized void add(String eventId, String exerciseId) {
        if (recent.add(eventId)) {
            try {
                mongo.insert(new Emitted(eventId, exerciseId), COLLECTION);
            } catch (DuplicateKeyException already) {
                // the listener read it back first
            }
        }
    }

    record Emitted(@Id String id, String exerciseId) {
    }
}
