package nl.weerbaar.kit.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which event ids a consumer has applied, keyed by {@code _id} (the one index every MongoDB-protocol
 * server really has), so the same event twice changes nothing.
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean contains(String consumer, String eventId) {
        return mongo.findById(key(consumer, eventId), Marker.class, COLLECTION) != null;
    }

    public void remember(String consumer, String eventId) {
        try {
            mongo.insert(new Marker(key(consumer, eventId), clock.instant()), COLLECTION);
        } catch (DuplicateKeyException alreadyThere) {
            // a redelivery raced an earlier attempt that stored the marker: the effect is idempotent, nothing to do
        }
    }

    /** Of {@code eventIds}, those {@code consumer} applied before: one query for a whole batch. */
    public Set<String> applied(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> keys = eventIds.stream().map(id -> key(consumer, id)).toList();
        Set<String> applied = new HashSet<>();
        String prefix = consumer + "/";
        for (Marker marker : mongo.find(Query.query(Criteria.where("_id").in(keys)), Marker.class, COLLECTION)) {
            applied.add(marker.id().substring(prefix.length()));
        }
        return applied;
    }

    /** Remembers a batch's events in one write; one already there (a redelivery's race) is left as it is. */
    public void rememberAll(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            mongo.insert(eventIds.stream().map(id -> new Marker(key(consumer, id), now)).toList(), COLLECTION);
        } catch (DataIntegrityViolationException raced) {
            eventIds.forEach(id -> remember(consumer, id));
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }

    @Document(COLLECTION)
    record Marker(@Id String id, Instant processedAt) {
    }
}
