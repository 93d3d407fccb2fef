package nl.weerbaar.vitalstatus.simulation;

import java.util.Map;
import java.util.Optional;
import nl.weerbaar.contracts.EventJson;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores each exercise's simulation whole (collection {@code cascade_models}, keyed by exercise id), together with the
 * offsets of the records it has applied, so a record delivered again after a crash is recognised and skipped.
 */
@Component
public class CascadeModels {

    static final String COLLECTION = "cascade_models";

    private final MongoTemplate mongo;

    CascadeModels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<StoredModel> find(String exerciseId) {
        Document doc = mongo.findById(exerciseId, Document.class, COLLECTION);
        return Optional.ofNullable(doc).map(d -> EventJson.mapper().convertValue(d.get("model"), StoredModel.class));
    }

    public void save(StoredModel model) {
        Document doc = new Document("_id", model.model.exerciseId)
                .append("model", new Document(EventJson.mapper().convertValue(model, Map.class)));
        mongo.save(doc, COLLECTION);
    }

    /** The model and, per topic partition, the last offset applied to it. */
    public static class StoredModel {
        public CascadeModel model;
        public Map<String, Long> applied = new java.util.HashMap<>();

        public StoredModel() {
            // for the store
        }

        StoredModel(CascadeModel model) {
            this.model = model;
        }

        boolean hasApplied(String topic, int partition, long offset) {
            Long last = applied.get(key(topic, partition));
            return last != null && offset <= last;
        }

        void markApplied(String topic, int partition, long offset) {
            applied.merge(key(topic, partition), offset, Math::max);
        }

        /** Field names without dots, which MongoDB reads as paths. */
        private static String key(String topic, int partition) {
            return topic.replace('.', '_') + "-" + partition;
        }
    }
}
