package nl.weerbaar.outagetimeline.exercise;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.InjectPlanChanged;
import nl.weerbaar.outagetimeline.exercise.PlannedInject.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The inject plans of all exercises. Changes come from the events that record them (fired, added, held …), applied
 * with the event's offset as version, so applying one twice or late changes nothing.
 */
@Component
public class InjectPlan {

    static final String COLLECTION = "exercise_injects";
    private static final Comparator<PlannedInject> BY_TIME = Comparator
            .comparingLong((PlannedInject p) -> p.inject().offsetSeconds()).thenComparing(p -> p.inject().id());

    private final MongoTemplate mongo;

    InjectPlan(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void plan(PlannedInject inject) {
        try {
            mongo.insert(inject, COLLECTION);
        } catch (DuplicateKeyException alreadyPlanned) {
            // set up twice (a redelivered created event): the plan is the same
        }
    }

    public List<PlannedInject> of(String exerciseId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)), PlannedInject.class, COLLECTION)
                .stream().sorted(BY_TIME).toList();
    }

    List<PlannedInject> pendingUpTo(String exerciseId, long seconds) {
        return of(exerciseId).stream()
                .filter(p -> p.status() == Status.PENDING && p.inject().offsetSeconds() <= seconds).toList();
    }

    public Optional<PlannedInject> find(String exerciseId, String injectId) {
        return Optional.ofNullable(mongo.findById(PlannedInject.key(exerciseId, injectId), PlannedInject.class,
                COLLECTION));
    }

    void applyFired(InjectFired fired, long scenarioTime, long offset) {
        guarded(fired.exerciseId(), fired.inject().id(), offset, new Update().set("status", Status.FIRED)
                .set("firedAtSeconds", scenarioTime).set("trigger", fired.trigger()));
    }

    void applyChange(InjectPlanChanged change, long offset) {
        if ("added".equals(change.change())) {
            plan(new PlannedInject(PlannedInject.key(change.exerciseId(), change.injectId()), change.exerciseId(),
                    change.inject(), "ad-hoc", Status.PENDING, null, null, offset));
            return;
        }
        Status status = switch (change.change()) {
            case "held" -> Status.HELD;
            case "released" -> Status.PENDING;
            case "cancelled" -> Status.CANCELLED;
            case "skipped" -> Status.SKIPPED;
            default -> throw new IllegalArgumentException("unknown plan change " + change.change());
        };
        guarded(change.exerciseId(), change.injectId(), offset, new Update().set("status", status));
    }

    private void guarded(String exerciseId, String injectId, long offset, Update update) {
        Query older = Query.query(Criteria.where("_id").is(PlannedInject.key(exerciseId, injectId))
                .and("version").lt(offset));
        mongo.updateFirst(older, update.set("version", offset), COLLECTION);
    }
}
