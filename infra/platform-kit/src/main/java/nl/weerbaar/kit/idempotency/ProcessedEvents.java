package nl.weerbaar.kit.idempotency;

import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Remembers which event ids a consumer has applied, keyed by {@code _id} (the one index every MongoDB-protocol
 * server really has), so the same event twice changes nothing.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

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

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }

    @Document(COLLECTION)
    record Marker(@Id String id, Instant processedAt) {
    }
}
