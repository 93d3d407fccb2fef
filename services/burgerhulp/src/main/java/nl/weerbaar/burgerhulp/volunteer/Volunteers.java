package nl.weerbaar.burgerhulp.volunteer;

import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The volunteers of each exercise (collection {@code volunteers}), keyed by exercise and volunteer: registering twice
 * changes nothing, and presence is set, not counted, so an event applied twice changes nothing either.
 */
@Component
public class Volunteers {

    public static final String COLLECTION = "volunteers";

    private final MongoTemplate mongo;

    Volunteers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void registered(VolunteerRegistered registered) {
        String key = VolunteerView.key(registered.exerciseId(), registered.volunteer().id());
        if (mongo.findById(key, VolunteerView.class, COLLECTION) == null) {
            mongo.insert(new VolunteerView(key, registered.exerciseId(), registered.volunteer(), registered.origin(),
                    registered.atSeconds(), null, null), COLLECTION);
        }
    }

    public void presence(VolunteerPresenceChanged changed) {
        find(changed.exerciseId(), changed.volunteerId()).ifPresent(v -> {
            if (changed.present()) {
                mongo.save(v.withPresence(changed.nspId(), changed.atSeconds()), COLLECTION);
            } else if (changed.nspId().equals(v.presentAt())) {
                mongo.save(v.withPresence(null, null), COLLECTION);
            }
        });
    }

    public Optional<VolunteerView> find(String exerciseId, String volunteerId) {
        return Optional.ofNullable(mongo.findById(VolunteerView.key(exerciseId, volunteerId), VolunteerView.class,
                COLLECTION));
    }

    public List<VolunteerView> all(String exerciseId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)).with(Sort.by("_id")),
                VolunteerView.class, COLLECTION);
    }
}
