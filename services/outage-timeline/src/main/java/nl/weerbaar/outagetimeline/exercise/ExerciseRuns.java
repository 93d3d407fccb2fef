package nl.weerbaar.outagetimeline.exercise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The exercise runs, by exercise id; every write is an upsert or guarded by the clock event's offset. */
@Component
public class ExerciseRuns {

    static final String COLLECTION = "exercise_runs";

    private final MongoTemplate mongo;

    ExerciseRuns(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores a new run; false when it was there already (the created event came twice). */
    boolean create(ExerciseRun run) {
        try {
            mongo.insert(run, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<ExerciseRun> find(String exerciseId) {
        return Optional.ofNullable(mongo.findById(exerciseId, ExerciseRun.class, COLLECTION));
    }

    public List<ExerciseRun> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), ExerciseRun.class, COLLECTION);
    }

    List<ExerciseRun> running() {
        return mongo.find(Query.query(Criteria.where("state").is(ExerciseState.RUNNING)), ExerciseRun.class,
                COLLECTION);
    }

    /** Applies a clock event stored at {@code offset}, unless a later one has been applied already. */
    void applyState(ExerciseStateChanged changed, long offset, Instant wallTime) {
        Query newer = Query.query(Criteria.where("_id").is(changed.exerciseId()).and("version").lt(offset));
        mongo.updateFirst(newer, new Update().set("state", changed.state()).set("speed", changed.speed())
                .max("positionSeconds", changed.scenarioTimeSeconds())
                .set("anchorSeconds", changed.scenarioTimeSeconds()).set("anchorWall", wallTime)
                .set("version", offset), COLLECTION);
    }

    /** The timeline has been played up to {@code seconds}; never moves back. */
    void playedUpTo(String exerciseId, long seconds) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(exerciseId)),
                new Update().max("positionSeconds", seconds), COLLECTION);
    }
}
