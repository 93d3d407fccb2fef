package nl.weerbaar.burgerhulp.nsp;

import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import org.springframework.data.domain.Sort;
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

    public void registered(NspRegistered registered) {
        String key = KnownNsp.key(registered.exerciseId(), registered.nsp().id());
        if (mongo.findById(key, KnownNsp.class, COLLECTION) == null) {
            mongo.insert(new KnownNsp(key, registered.exerciseId(), registered.nsp(), NspState.PLANNED), COLLECTION);
        }
    }

    public void stateChanged(NspStateChanged changed) {
        find(changed.exerciseId(), changed.nspId()).ifPresent(n -> mongo.save(new KnownNsp(n.id(), n.exerciseId(),
                n.nsp(), changed.state()), COLLECTION));
    }

    public Optional<KnownNsp> find(String exerciseId, String nspId) {
        return Optional.ofNullable(mongo.findById(KnownNsp.key(exerciseId, nspId), KnownNsp.class, COLLECTION));
    }

    public List<KnownNsp> all(String exerciseId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)).with(Sort.by("_id")),
                KnownNsp.class, COLLECTION);
    }
}
