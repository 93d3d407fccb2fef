package nl.weerbaar.vitalstatus.provider;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusOverrideReleased;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import org.springframework.data.domain.Sort;
import nl.weerbaar.kit.readmodel.BulkById;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The read model of the vital providers (collections {@code providers}, {@code provider_history} and
 * {@code vital_alerts}), written only from the vital-status topic, keyed so that applying an event twice changes
 * nothing: providers by exercise and provider id, history entries and alerts by event id.
 */
@Component
public class ProviderViews {

    static final String PROVIDERS = "providers";
    static final String HISTORY = "provider_history";
    static final String ALERTS = "vital_alerts";

    private final MongoTemplate mongo;

    ProviderViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Folds one batch of events: the batch's providers read in one query, changed in memory in the batch's order,
     * and written with their history and alerts in one bulk write each ({@link Fold#write}).
     */
    Fold fold(Collection<String> keys) {
        return new Fold(BulkById.reading(mongo, ProviderView.class, PROVIDERS, keys, ProviderView::id),
                BulkById.writing(mongo, HistoryEntry.class, HISTORY), BulkById.writing(mongo, AlertEntry.class, ALERTS));
    }

    /** One batch's changes to {@code providers}, {@code provider_history} and {@code vital_alerts}. */
    record Fold(BulkById<ProviderView> providers, BulkById<HistoryEntry> history, BulkById<AlertEntry> alerts) {

        void register(ProviderRegistered registered, String eventId, long atSeconds) {
            String key = ProviderView.key(registered.exerciseId(), registered.provider().id());
            if (providers.get(key).isEmpty()) {
                providers.put(key, new ProviderView(key, registered.exerciseId(), registered.provider(),
                        registered.origin(), ProviderState.NORMAL, atSeconds, null, atSeconds, List.of(), List.of(),
                        null, null, StatusSource.SIMULATION, null, null, List.of(), false, eventId));
            }
        }

        void status(ProviderStatusChanged s, String eventId, int partition, long offset) {
            String key = ProviderView.key(s.exerciseId(), s.providerId());
            ProviderView current = providers.get(key).orElse(null);
            if (current == null) {
                return;
            }
            boolean posted = s.source() == StatusSource.PROVIDER;
            long since = current.state() == s.state() && current.source() == s.source() ? current.sinceSeconds()
                    : s.atSeconds();
            providers.put(key, new ProviderView(key, s.exerciseId(), current.provider(), current.origin(), s.state(),
                    since, s.backupRemainingHours(), s.atSeconds(), orEmpty(s.affectedPlaces()),
                    orEmpty(s.affectedServices()), s.expectedRestoreSeconds(), s.message(), s.source(), s.by(),
                    s.cause(), orEmpty(s.causeChain()), posted, eventId));
            history.put(eventId, new HistoryEntry(eventId, s.exerciseId(), s.providerId(), s.atSeconds(), partition,
                    offset, s));
        }

        void released(StatusOverrideReleased released) {
            String key = ProviderView.key(released.exerciseId(), released.providerId());
            providers.get(key).filter(ProviderView::overridden).ifPresent(v -> providers.put(key, new ProviderView(
                    key, v.exerciseId(), v.provider(), v.origin(), v.state(), v.sinceSeconds(),
                    v.backupRemainingHours(), v.backupAtSeconds(), v.affectedPlaces(), v.affectedServices(),
                    v.expectedRestoreSeconds(), v.message(), v.source(), v.by(), v.cause(), v.causeChain(), false,
                    v.lastEventId())));
        }

        void alert(VitalAlertRaised alert, String eventId) {
            alerts.put(eventId, new AlertEntry(eventId, alert.exerciseId(), alert, null));
        }

        /** Kept beside the alert it ends (matched by alert id when read): no read of the alert in the fold. */
        void resolved(VitalAlertResolved resolved, String eventId) {
            alerts.put(eventId, new AlertEntry(eventId, resolved.exerciseId(), null, resolved));
        }

        void write() {
            providers.write();
            history.write();
            alerts.write();
        }
    }

    public Optional<ProviderView> find(String exerciseId, String providerId) {
        return Optional.ofNullable(mongo.findById(ProviderView.key(exerciseId, providerId), ProviderView.class,
                PROVIDERS));
    }

    public List<ProviderView> all(String exerciseId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)).with(Sort.by("_id")),
                ProviderView.class, PROVIDERS);
    }

    /** A provider's statuses in scenario-time order (ties in the order they were published). */
    public List<ProviderStatusChanged> history(String exerciseId, String providerId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId).and("providerId").is(providerId))
                        .with(Sort.by("atSeconds", "offset")), HistoryEntry.class, HISTORY)
                .stream().map(HistoryEntry::status).toList();
    }

    /** The exercise's alerts in the order they were raised, each with its end if it has ended. */
    public List<AlertView> alerts(String exerciseId) {
        List<AlertEntry> entries = mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)),
                AlertEntry.class, ALERTS);
        Map<String, VitalAlertResolved> ends = new HashMap<>();
        entries.stream().map(AlertEntry::resolved).filter(Objects::nonNull).forEach(r -> ends.put(r.alertId(), r));
        return entries.stream().map(AlertEntry::alert).filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(VitalAlertRaised::atSeconds).thenComparing(VitalAlertRaised::alertId))
                .map(a -> AlertView.of(a, ends.get(a.alertId()))).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    record HistoryEntry(@org.springframework.data.annotation.Id String id, String exerciseId, String providerId,
                        long atSeconds, int partition, long offset, ProviderStatusChanged status) {
    }

    /** A raised alert or the end of one. */
    record AlertEntry(@org.springframework.data.annotation.Id String id, String exerciseId, VitalAlertRaised alert,
                      VitalAlertResolved resolved) {
    }
}
