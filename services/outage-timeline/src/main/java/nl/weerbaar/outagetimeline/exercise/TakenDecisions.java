package nl.weerbaar.outagetimeline.exercise;

import java.util.List;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.outagetimeline.scenario.CrisisTeamDecisions;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The crisis team's decisions the clock has taken, per exercise (collection {@code taken_decisions}): the population
 * model and the volunteer pool answer them in the hours after. Written by the engine when it takes one and again,
 * harmlessly, when its listener reads {@code decision-taken} back, so a restart between the two loses none.
 */
@Component
class TakenDecisions {

    static final String COLLECTION = "taken_decisions";

    record Taken(@Id String id, String exerciseId, long atSeconds, Decision decision) {
    }

    private final MongoTemplate mongo;

    TakenDecisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void remember(Decision decision) {
        mongo.save(new Taken(decision.exerciseId() + "|" + decision.decisionId(), decision.exerciseId(),
                decision.atSeconds(), decision), COLLECTION);
    }

    CrisisTeamDecisions of(String exerciseId) {
        return new CrisisTeamDecisions(list(exerciseId));
    }

    /** The exercise's decisions in the order taken. */
    List<Decision> list(String exerciseId) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId))
                .with(Sort.by("atSeconds", "_id")), Taken.class, COLLECTION).stream().map(Taken::decision).toList();
    }
}
