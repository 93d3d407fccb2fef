package nl.weerbaar.burgerhulp.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.CommandRefused;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.kit.events.InboundEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The help requests of each exercise (collection {@code help_requests}), one document per request holding its offers
 * and steps. A document remembers the events applied to it, so a redelivered event changes nothing. It folds the
 * coordination's facts as they come and holds no rules: whether an answer or a report counts was decided by the
 * coordination (the only writer of a request's state), which publishes a refusal when it does not.
 */
@Component
public class HelpRequests {

    public static final String COLLECTION = "help_requests";

    private final MongoTemplate mongo;

    HelpRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Folds the events of one batch: the requests they name are read in one query, each event changes the request in
     * memory (in the batch's order), and {@link #write} stores the changed requests in one bulk write. A request
     * remembers the events applied to it, so a batch delivered again changes nothing.
     */
    public Fold fold(List<InboundEvent> events) {
        List<String> keys = new ArrayList<>();
        for (InboundEvent event : events) {
            String requestId = event.payload().path("requestId").asText(null);
            if (requestId != null && event.exerciseId() != null) {
                keys.add(HelpRequestView.key(event.exerciseId(), requestId));
            }
        }
        Map<String, HelpRequestView> views = new HashMap<>();
        if (!keys.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(keys)), HelpRequestView.class, COLLECTION)
                    .forEach(v -> views.put(v.id, v));
        }
        return new Fold(views);
    }

    /** The changes of one batch of events; {@link #write} stores them. */
    public final class Fold {

        private final Map<String, HelpRequestView> views;
        private final Set<String> changed = new LinkedHashSet<>();

        private Fold(Map<String, HelpRequestView> views) {
            this.views = views;
        }

        public void opened(HelpRequestOpened opened, String eventId) {
            String key = HelpRequestView.key(opened.exerciseId(), opened.requestId());
            if (view(key) == null) {
                HelpRequestView view = new HelpRequestView(opened);
                view.step(opened.atSeconds(), "opened", null, opened.by());
                view.appliedEventIds.add(eventId);
                views.put(key, view);
                changed.add(key);
            }
        }

        public void offered(HelpOffered offered, String eventId) {
            change(offered.exerciseId(), offered.requestId(), eventId, r -> {
                if (r.offer(offered.offerId()).isEmpty()) {
                    r.offers.add(OfferView.of(offered));
                    r.step(offered.atSeconds(), "offered", offered.volunteerId(), null);
                    if (HelpRequestView.OPEN.equals(r.status)) {
                        r.status = HelpRequestView.OFFERED;
                    }
                }
            });
        }

        public void answered(OfferAnswered answered, String eventId) {
            change(answered.exerciseId(), answered.requestId(), eventId, r -> r.offer(answered.offerId()).ifPresent(o -> {
                r.offers.set(r.offers.indexOf(o), o.answered(answered.answer(), answered.atSeconds(), answered.by()));
                r.step(answered.atSeconds(), answered.answer(), o.volunteerId(), answered.by());
                if (OfferAnswered.ACCEPTED.equals(answered.answer())) {
                    r.status = HelpRequestView.ACCEPTED;
                    r.assignee = o.volunteerId();
                    r.acceptedAtSeconds = answered.atSeconds();
                } else if (HelpRequestView.OFFERED.equals(r.status) && !r.hasStandingOffer()) {
                    r.status = HelpRequestView.OPEN;
                }
            }));
        }

        public void progressed(AssignmentProgressed progressed, String eventId) {
            change(progressed.exerciseId(), progressed.requestId(), eventId, r -> {
                r.step(progressed.atSeconds(), progressed.status(), progressed.volunteerId(), progressed.by());
                switch (progressed.status()) {
                    case "en-route" -> r.status = HelpRequestView.EN_ROUTE;
                    case "completed" -> {
                        r.status = HelpRequestView.COMPLETED;
                        r.completedAtSeconds = progressed.atSeconds();
                    }
                    default -> {
                        // failed: the request went back to the others
                        r.status = HelpRequestView.OPEN;
                        r.assignee = null;
                        r.acceptedAtSeconds = null;
                    }
                }
            });
        }

        /** A volunteer's answer or report that came too late: on the time line, so nobody wonders where it went. */
        public void refused(CommandRefused refused, String eventId) {
            change(refused.exerciseId(), refused.requestId(), eventId, r -> r.step(refused.atSeconds(),
                    "refused:" + refused.reason(), refused.volunteerId(), refused.by()));
        }

        public void escalated(HelpRequestEscalated escalated, String eventId) {
            change(escalated.exerciseId(), escalated.requestId(), eventId, r -> {
                r.status = HelpRequestView.ESCALATED;
                r.escalationReason = escalated.reason();
                r.escalationMessage = escalated.message();
                r.escalatedAtSeconds = escalated.atSeconds();
                r.step(escalated.atSeconds(), "escalated", null, null);
            });
        }


        /** The changed requests, in one bulk write. */
        public void write() {
            if (changed.isEmpty()) {
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, HelpRequestView.class, COLLECTION);
            changed.forEach(key -> bulk.replaceOne(Query.query(Criteria.where("_id").is(key)), views.get(key),
                    FindAndReplaceOptions.options().upsert()));
            bulk.execute();
            changed.clear();
        }

        private HelpRequestView view(String key) {
            return views.computeIfAbsent(key, k -> mongo.findById(k, HelpRequestView.class, COLLECTION));
        }

        private void change(String exerciseId, String requestId, String eventId, Consumer<HelpRequestView> change) {
            String key = HelpRequestView.key(exerciseId, requestId);
            HelpRequestView r = view(key);
            if (r != null && !r.appliedEventIds.contains(eventId)) {
                change.accept(r);
                r.appliedEventIds.add(eventId);
                changed.add(key);
            }
        }
    }

    public Optional<HelpRequestView> find(String exerciseId, String requestId) {
        return Optional.ofNullable(mongo.findById(HelpRequestView.key(exerciseId, requestId), HelpRequestView.class,
                COLLECTION));
    }

    /** The exercise's requests in the order they came in, of one status if {@code status} is given. */
    public List<HelpRequestView> all(String exerciseId, String status) {
        return mongo.find(query(exerciseId, status).with(ORDER), HelpRequestView.class, COLLECTION);
    }

    /** Page {@code page} (from 0) of {@code size} requests, in the order they were asked. */
    List<HelpRequestView> page(String exerciseId, String status, int page, int size) {
        return mongo.find(query(exerciseId, status).with(ORDER).skip((long) page * size).limit(size),
                HelpRequestView.class, COLLECTION);
    }

    long count(String exerciseId, String status) {
        return mongo.count(query(exerciseId, status), COLLECTION);
    }

    private static final Sort ORDER = Sort.by("request.atSeconds", "_id");

    private static Query query(String exerciseId, String status) {
        Criteria criteria = Criteria.where("exerciseId").is(exerciseId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return Query.query(criteria);
    }

    /** The request an offer belongs to. */
    public Optional<HelpRequestView> byOffer(String exerciseId, String offerId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("exerciseId").is(exerciseId)
                .and("offers.offerId").is(offerId)), HelpRequestView.class, COLLECTION));
    }

    /** The requests a volunteer was offered or has. */
    public List<HelpRequestView> ofVolunteer(String exerciseId, String volunteerId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId).orOperator(
                Criteria.where("offers.volunteerId").is(volunteerId), Criteria.where("assignee").is(volunteerId)))
                .with(Sort.by("request.atSeconds", "_id")), HelpRequestView.class, COLLECTION);
    }
}
