package nl.weerbaar.noodsteunpunt.nsp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.Stock;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
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
        Map<String, NspView> views = new HashMap<>();
        if (!keys.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(keys)), NspView.class, NSPS)
                    .forEach(v -> views.put(v.id(), v));
        }
        return new Fold(views);
    }

    /** One batch's changes to {@code nsps} and {@code nsp_history}. */
    final class Fold {

        private final Map<String, NspView> views;
        private final Set<String> changed = new LinkedHashSet<>();
        private final List<HistoryEntry> history = new ArrayList<>();

        private Fold(Map<String, NspView> views) {
            this.views = views;
        }

        void register(NspRegistered registered, String eventId, long at) {
            String key = NspView.key(registered.exerciseId(), registered.nsp().id());
            if (!views.containsKey(key)) {
                put(new NspView(key, registered.exerciseId(), registered.nsp(), registered.origin(),
                        NspState.PLANNED, at, null, null, null, null, null, eventId));
            }
        }

        void state(NspStateChanged changed, String eventId, long offset) {
            Optional.ofNullable(views.get(NspView.key(changed.exerciseId(), changed.nspId())))
                    .filter(v -> !eventId.equals(v.lastEventId()))
                    .ifPresent(v -> put(v.withState(changed.state(), changed.atSeconds(), changed.reason(),
                            changed.trigger(), changed.message(), eventId)));
            history.add(new HistoryEntry(eventId, changed.exerciseId(), changed.nspId(), changed.atSeconds(), offset,
                    changed));
        }

        void stock(String exerciseId, String nspId, Stock stock, long at, String eventId) {
            Optional.ofNullable(views.get(NspView.key(exerciseId, nspId)))
                    .filter(v -> v.stockAtSeconds() == null || v.stockAtSeconds() <= at)
                    .ifPresent(v -> put(v.withStock(stock, at, eventId)));
        }

        void write() {
            if (changed.isEmpty() && history.isEmpty()) {
                return;
            }
            BulkOperations nsps = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, NspView.class, NSPS);
            changed.forEach(key -> nsps.replaceOne(Query.query(Criteria.where("_id").is(key)), views.get(key),
                    FindAndReplaceOptions.options().upsert()));
            if (!changed.isEmpty()) {
                nsps.execute();
            }
            if (!history.isEmpty()) {
                BulkOperations entries = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HistoryEntry.class, HISTORY);
                history.forEach(h -> entries.replaceOne(Query.query(Criteria.where("_id").is(h.id())), h,
                        FindAndReplaceOptions.options().upsert()));
                entries.execute();
            }
            changed.clear();
            history.clear();
        }

        private void put(NspView view) {
            views.put(view.id(), view);
            changed.add(view.id());
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
