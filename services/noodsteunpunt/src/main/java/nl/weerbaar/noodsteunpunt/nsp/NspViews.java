package nl.weerbaar.noodsteunpunt.nsp;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.Stock;
import nl.weerbaar.kit.readmodel.BulkById;
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

    /**
     * Folds one batch of events into the NSPs and their history: the batch's NSPs are read in one query, changed in
     * memory in the batch's order, and written back with the history entries in one bulk write ({@link Fold#write}).
     */
    Fold fold(Collection<String> keys) {
        return new Fold(BulkById.reading(mongo, NspView.class, NSPS, keys, NspView::id),
                BulkById.writing(mongo, HistoryEntry.class, HISTORY));
    }

    /** One batch's changes to {@code nsps} and {@code nsp_history}. */
    record Fold(BulkById<NspView> views, BulkById<HistoryEntry> history) {

        void register(NspRegistered registered, String eventId, long at) {
            String key = NspView.key(registered.exerciseId(), registered.nsp().id());
            if (views.get(key).isEmpty()) {
                views.put(key, new NspView(key, registered.exerciseId(), registered.nsp(), registered.origin(),
                        NspState.PLANNED, at, null, null, null, null, null, eventId));
            }
        }

        void state(NspStateChanged changed, String eventId, long offset) {
            String key = NspView.key(changed.exerciseId(), changed.nspId());
            views.get(key).filter(v -> !eventId.equals(v.lastEventId()))
                    .ifPresent(v -> views.put(key, v.withState(changed.state(), changed.atSeconds(), changed.reason(),
                            changed.trigger(), changed.message(), eventId)));
            history.put(eventId, new HistoryEntry(eventId, changed.exerciseId(), changed.nspId(), changed.atSeconds(),
                    offset, changed));
        }

        void stock(String exerciseId, String nspId, Stock stock, long at, String eventId) {
            String key = NspView.key(exerciseId, nspId);
            views.get(key).filter(v -> v.stockAtSeconds() == null || v.stockAtSeconds() <= at)
                    .ifPresent(v -> views.put(key, v.withStock(stock, at, eventId)));
        }

        void write() {
            views.write();
            history.write();
        }
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
