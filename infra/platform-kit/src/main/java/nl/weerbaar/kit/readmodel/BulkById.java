package nl.weerbaar.kit.readmodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.events.InboundEvent;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One batch's documents of a read-model collection, by id: those the batch touches read in one query, changed in
 * memory in the batch's order, and written back in one bulk write that replaces each by its id (inserting it when
 * new) — so a redelivered batch writes the same documents again and changes nothing.
 */
public final class BulkById<V> {

    private final MongoTemplate mongo;
    private final Class<V> type;
    private final String collection;
    private final Map<String, V> documents = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    private BulkById(MongoTemplate mongo, Class<V> type, String collection) {
        this.mongo = mongo;
        this.type = type;
        this.collection = collection;
    }

    /** The documents with these ids as they are stored now ({@code idOf} reads a document's id). */
    public static <V> BulkById<V> reading(MongoTemplate mongo, Class<V> type, String collection,
                                          Collection<String> ids, Function<V, String> idOf) {
        BulkById<V> bulk = new BulkById<>(mongo, type, collection);
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection)
                    .forEach(document -> bulk.documents.put(idOf.apply(document), document));
        }
        return bulk;
    }

    /** Documents only written, never read back within the batch (entries keyed by event id). */
    public static <V> BulkById<V> writing(MongoTemplate mongo, Class<V> type, String collection) {
        return new BulkById<>(mongo, type, collection);
    }

    /**
     * The ids of the documents a batch's events touch, to be read at once: for each event of a type in
     * {@code idAt}, the id at that JSON pointer of its payload, made a document id with its exercise by {@code key}.
     */
    public static Set<String> touchedBy(List<InboundEvent> events, Map<EventType, String> idAt,
                                        BinaryOperator<String> key) {
        Set<String> ids = new HashSet<>();
        for (InboundEvent event : events) {
            String pointer = idAt.get(event.type());
            String id = pointer == null ? null : event.payload().at(pointer).asText(null);
            if (id != null) {
                ids.add(key.apply(event.exerciseId(), id));
            }
        }
        return ids;
    }

    public Optional<V> get(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    public void put(String id, V document) {
        documents.put(id, document);
        changed.add(id);
    }

    /** What the batch changed so far, in one bulk write. */
    public void write() {
        if (changed.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type, collection);
        changed.forEach(id -> bulk.replaceOne(Query.query(Criteria.where("_id").is(id)), documents.get(id),
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
        changed.clear();
    }
}
