package nl.weerbaar.burgerhulp.request;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.CommandRefused;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import org.springframework.data.domain.Sort;
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

    public void opened(HelpRequestOpened opened, String eventId) {
        if (find(opened.exerciseId(), opened.requestId()).isEmpty()) {
            HelpRequestView view = new HelpRequestView(opened);
            view.step(opened.atSeconds(), "opened", null, opened.by());
            view.appliedEventIds.add(eventId);
            mongo.insert(view, COLLECTION);
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

    private void change(String exerciseId, String requestId, String eventId, Consumer<HelpRequestView> change) {
        find(exerciseId, requestId).filter(r -> !r.appliedEventIds.contains(eventId)).ifPresent(r -> {
            change.accept(r);
            r.appliedEventIds.add(eventId);
            mongo.save(r, COLLECTION);
        });
    }
}
