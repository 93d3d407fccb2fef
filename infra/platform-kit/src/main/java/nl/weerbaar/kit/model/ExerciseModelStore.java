package nl.weerbaar.kit.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.kit.events.InboundEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Stores a service's per-exercise model whole (one document per exercise id), together with the offset of the last
 * record applied to it per topic partition. A record delivered again after a crash — its effect stored, its offset
 * not yet committed — is recognised by its offset and skipped, so a model step is applied exactly once.
 */
public class ExerciseModelStore<T> {

    private final MongoTemplate mongo;
    private final String collection;
    private final Class<T> type;

    public ExerciseModelStore(MongoTemplate mongo, String collection, Class<T> type) {
        this.mongo = mongo;
        this.collection = collection;
        this.type = type;
    }

    public Optional<T> find(String exerciseId) {
        return document(exerciseId).map(d -> EventJson.mapper().convertValue(d.get("model"), type));
    }

    /** Creates the model of a new exercise, once: a second attempt (a redelivered record) finds it there. */
    public <R> boolean create(InboundEvent event, T model, Function<T, R> first, BiConsumer<T, R> publish) {
        if (document(event.exerciseId()).isPresent()) {
            return false;
        }
        R result = first.apply(model);
        publish.accept(model, result);
        save(event.exerciseId(), model, Map.of(key(event), event.offset()));
        return true;
    }

    /**
     * Applies one record to the exercise's model: nothing when the exercise has no model or the record was applied
     * before; otherwise the change, then its outcomes published, then the model stored with the record's offset.
     */
    public <R> boolean step(InboundEvent event, Function<T, R> change, BiConsumer<T, R> publish) {
        return apply(event, null, change, publish);
    }

    /**
     * Like {@link #step}, but an exercise without a model starts from {@code start}: for a service whose inputs come
     * on several topics, where a record of one topic can arrive before the record that introduces the exercise.
     */
    public <R> boolean stepOrStart(InboundEvent event, Supplier<T> start, Function<T, R> change,
                                   BiConsumer<T, R> publish) {
        return apply(event, start, change, publish);
    }

    private <R> boolean apply(InboundEvent event, Supplier<T> start, Function<T, R> change, BiConsumer<T, R> publish) {
        Optional<Document> doc = document(event.exerciseId());
        if (doc.isEmpty() && start == null) {
            return false;
        }
        Map<String, Long> applied = new HashMap<>();
        Object stored = doc.map(d -> d.get("applied")).orElse(null);
        if (stored instanceof Map<?, ?> map) {
            map.forEach((k, v) -> applied.put(k.toString(), ((Number) v).longValue()));
        }
        Long last = applied.get(key(event));
        if (last != null && event.offset() <= last) {
            return false;
        }
        T model = doc.isPresent() ? EventJson.mapper().convertValue(doc.get().get("model"), type) : start.get();
        R result = change.apply(model);
        if (result == null) {
            return false;
        }
        publish.accept(model, result);
        applied.put(key(event), event.offset());
        save(event.exerciseId(), model, applied);
        return true;
    }

    private Optional<Document> document(String exerciseId) {
        return Optional.ofNullable(mongo.findById(exerciseId, Document.class, collection));
    }

    @SuppressWarnings("unchecked")
    private void save(String exerciseId, T model, Map<String, Long> applied) {
        mongo.save(new Document("_id", exerciseId)
                .append("model", new Document(EventJson.mapper().convertValue(model, Map.class)))
                .append("applied", new Document(new HashMap<>(applied))), collection);
    }

    /** Field names without dots, which MongoDB reads as paths. */
    private static String key(InboundEvent event) {
        return event.topic().replace('.', '_') + "-" + event.partition();
    }
}
