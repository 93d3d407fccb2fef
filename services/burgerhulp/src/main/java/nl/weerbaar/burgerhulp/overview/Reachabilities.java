package nl.weerbaar.burgerhulp.overview;

import java.util.Optional;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * How volunteers can be reached in each exercise (collection {@code reachability}): the last change on the topic wins
 * (they are keyed by exercise, so their offsets are in order), and a redelivered older one does not undo a newer one.
 */
@Component
public class Reachabilities {

    public static final String COLLECTION = "reachability";

    private final MongoTemplate mongo;

    Reachabilities(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void changed(ReachabilityChanged changed, long offset) {
        Optional<Entry> current = find(changed.exerciseId());
        if (current.isEmpty() || current.get().offset() < offset) {
            mongo.save(new Entry(changed.exerciseId(), changed, offset), COLLECTION);
        }
    }

    Optional<Entry> find(String exerciseId) {
        return Optional.ofNullable(mongo.findById(exerciseId, Entry.class, COLLECTION));
    }

    record Entry(@org.springframework.data.annotation.Id String id, ReachabilityChanged change, long offset) {
    }
}
