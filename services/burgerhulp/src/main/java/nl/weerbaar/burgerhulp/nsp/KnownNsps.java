package nl.weerbaar.burgerhulp.nsp;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import org.springframework.data.domain.Sort;
import nl.weerbaar.kit.readmodel.BulkById;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The noodsteunpunten of each exercise (collection {@code known_nsps}): where help requests and volunteers can be.
 * Registering twice changes nothing; a state change only sets the state.
 */
@Component
public class KnownNsps {

    public static final String COLLECTION = "known_nsps";

    private final MongoTemplate mongo;

    KnownNsps(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One batch's NSPs: those it touches read in one query, written back in one bulk write. */
    public Fold fold(Collection<String> keys) {
        return new Fold(BulkById.reading(mongo, KnownNsp.class, COLLECTION, keys, KnownNsp::id));
    }

    /** The key of an NSP's document, as {@link #fold} takes them. */
    public static String key(String exerciseId, String nspId) {
        return KnownNsp.key(exerciseId, nspId);
    }

    public record Fold(BulkById<KnownNsp> nsps) {

        public void registered(NspRegistered registered) {
            String key = KnownNsp.key(registered.exerciseId(), registered.nsp().id());
            if (nsps.get(key).isEmpty()) {
                nsps.put(key, new KnownNsp(key, registered.exerciseId(), registered.nsp(), NspState.PLANNED));
            }
        }

        public void stateChanged(NspStateChanged changed) {
            String key = KnownNsp.key(changed.exerciseId(), changed.nspId());
            nsps.get(key).ifPresent(n -> nsps.put(key, new KnownNsp(n.id(), n.exerciseId(), n.nsp(), changed.state())));
        }

        public void write() {
            nsps.write();
        }
    }

    public Optional<KnownNsp> find(String exerciseId, String nspId) {
        return Optional.ofNullable(mongo.findById(KnownNsp.key(exerciseId, nspId), KnownNsp.class, COLLECTION));
    }

    public List<KnownNsp> all(String exerciseId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)).with(Sort.by("_id")),
                KnownNsp.class, COLLECTION);
    }
}
