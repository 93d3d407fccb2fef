package nl.weerbaar.noodsteunpunt.nsp;

import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.Stock;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The read model of the noodsteunpunten (collections {@code nsps} and {@code nsp_history}), written only from the
 * noodsteunpunt topic and keyed so that an event applied twice changes nothing: NSPs by exercise and NSP id, history
 * entries by event id; an NSP's own document remembers the last event applied to it.
 */
@Component
public class NspViews {

    static final String NSPS = "nsps";
    static final String HISTORY = "nsp_history";

    private final MongoTemplate mongo;

    NspViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void register(NspRegistered registered, String eventId, long at) {
        String key = NspView.key(registered.exerciseId(), registered.nsp().id());
        if (mongo.findById(key, NspView.class, NSPS) == null) {
            mongo.insert(new NspView(key, registered.exerciseId(), registered.nsp(), registered.origin(),
                    NspState.PLANNED, at, null, null, null, null, null, eventId), NSPS);
        }
    }

    void state(NspStateChanged changed, String eventId, long offset) {
        find(changed.exerciseId(), changed.nspId()).filter(v -> !eventId.equals(v.lastEventId())).ifPresent(v ->
                mongo.save(v.withState(changed.state(), changed.atSeconds(), changed.reason(), changed.trigger(),
                        changed.message(), eventId), NSPS));
        mongo.save(new HistoryEntry(eventId, changed.exerciseId(), changed.nspId(), changed.atSeconds(), offset,
                changed), HISTORY);
    }

    void stock(String exerciseId, String nspId, Stock stock, long at, String eventId) {
        find(exerciseId, nspId).filter(v -> v.stockAtSeconds() == null || v.stockAtSeconds() <= at)
                .ifPresent(v -> mongo.save(v.withStock(stock, at, eventId), NSPS));
    }

    public Optional<NspView> find(String exerciseId, String nspId) {
        return Optional.ofNullable(mongo.findById(NspView.key(exerciseId, nspId), NspView.class, NSPS));
    }

    public List<NspView> all(String exerciseId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)).with(Sort.by("_id")),
                NspView.class, NSPS);
    }

    /** An NSP's state changes in scenario-time order. */
    public List<NspStateChanged> history(String exerciseId, String nspId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId).and("nspId").is(nspId))
                .with(Sort.by("atSeconds", "offset")), HistoryEntry.class, HISTORY)
                .stream().map(HistoryEntry::change).toList();
    }

    record HistoryEntry(@Id String id, String exerciseId, String nspId, long atSeconds, long offset,
                        NspStateChanged change) {
    }
}
