package nl.weerbaar.burgerhulp.volunteer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import org.springframework.data.domain.Sort;
import nl.weerbaar.kit.readmodel.BulkById;
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

    /** One batch's volunteers: those it touches read in one query, written back in one bulk write. */
    public Fold fold(Collection<String> keys) {
        return new Fold(BulkById.reading(mongo, VolunteerView.class, COLLECTION, keys, VolunteerView::id));
    }

    /** The key of a volunteer's document, as {@link #fold} takes them. */
    public static String key(String exerciseId, String volunteerId) {
        return VolunteerView.key(exerciseId, volunteerId);
    }

    public record Fold(BulkById<VolunteerView> volunteers) {

        public void registered(VolunteerRegistered registered) {
            String key = VolunteerView.key(registered.exerciseId(), registered.volunteer().id());
            if (volunteers.get(key).isEmpty()) {
                volunteers.put(key, new VolunteerView(key, registered.exerciseId(), registered.volunteer(),
                        registered.origin(), registered.atSeconds(), null, null));
            }
        }

        public void presence(VolunteerPresenceChanged changed) {
            String key = VolunteerView.key(changed.exerciseId(), changed.volunteerId());
            volunteers.get(key).ifPresent(v -> {
                if (changed.present()) {
                    volunteers.put(key, v.withPresence(changed.nspId(), changed.atSeconds()));
                } else if (changed.nspId().equals(v.presentAt())) {
                    volunteers.put(key, v.withPresence(null, null));
                }
            });
        }

        public void write() {
            volunteers.write();
        }
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
