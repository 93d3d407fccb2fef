package nl.weerbaar.kit.clock;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every service's read model of the exercise clocks (collection {@code exercise_clocks}, keyed by exercise id), so it
 * follows scenario time from the clock events and never the wall clock. Upserts: applying an event again is harmless.
 */
public class ExerciseClocks {

    static final String COLLECTION = "exercise_clocks";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ExerciseClocks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void apply(InboundEvent event) {
        Update update = new Update().set("updatedAt", clock.instant()).set("status", event.status().wire());
        switch (event.type()) {
            case EXERCISE_CREATED -> {
                ExerciseCreated created = event.payload(ExerciseCreated.class);
                update.set("scenarioId", created.scenarioId()).set("scenarioName", created.scenarioName())
                        .set("replayOf", created.replayOf()).set("speed", created.speed())
                        .set("epochMillis", event.epochMillis())
                        .setOnInsert("state", "CREATED").setOnInsert("scenarioTimeSeconds", created.startOffsetSeconds());
            }
            case EXERCISE_STATE_CHANGED -> {
                ExerciseStateChanged changed = event.payload(ExerciseStateChanged.class);
                update.set("state", changed.state().name()).set("speed", changed.speed())
                        .set("scenarioTimeSeconds", changed.scenarioTimeSeconds());
            }
            case SCENARIO_LOADED -> {
                // the world's ids, so a command naming a place or sector the exercise does not have is refused;
                // not a clock change (updatedAt is when the clock last moved)
                ScenarioLoaded loaded = event.payload(ScenarioLoaded.class);
                mongo.upsert(Query.query(Criteria.where("_id").is(event.exerciseId())), new Update()
                        .set("places", loaded.places().stream().map(Place::id).toList())
                        .set("sectors", loaded.sectors().stream().map(Sector::id).toList()), COLLECTION);
                return;
            }
            case CLOCK_TICKED -> {
                ClockTicked tick = event.payload(ClockTicked.class);
                update.set("speed", tick.speed()).max("scenarioTimeSeconds", tick.scenarioTimeSeconds());
            }
            default -> {
                return;
            }
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(event.exerciseId())), update, COLLECTION);
    }

    public Optional<ExerciseClock> find(String exerciseId) {
        return Optional.ofNullable(mongo.findById(exerciseId, ExerciseClock.class, COLLECTION));
    }

    /** The clock of a known exercise; 404 otherwise. */
    public ExerciseClock require(String exerciseId) {
        return find(exerciseId).orElseThrow(() -> ApiException.notFound("exercise.unknown", exerciseId));
    }

    /**
     * The clock of an exercise that takes input from people now: known (404 otherwise), not a replay (a recording)
     * and not over (409 for either).
     */
    public ExerciseClock requireLive(String exerciseId) {
        ExerciseClock clock = require(exerciseId);
        if (clock.isReplay()) {
            throw ApiException.conflict("exercise.is-replay", exerciseId);
        }
        if (clock.isOver()) {
            throw ApiException.conflict("exercise.over", exerciseId, clock.state());
        }
        return clock;
    }

    /**
     * Refuses (422) a place the exercise's scenario does not have; {@code field} names it in the answer. Before the
     * scenario is loaded nothing is known, and nothing is refused.
     */
    public void requirePlaces(ExerciseClock exercise, String field, java.util.Collection<String> placeIds) {
        for (String placeId : placeIds) {
            if (placeId != null && exercise.places() != null && !exercise.places().contains(placeId)) {
                throw ApiException.unprocessable("place.unknown", placeId, exercise.exerciseId(), field);
            }
        }
    }

    /** Refuses (422) a sector the exercise's scenario does not have; nothing before the scenario is loaded. */
    public void requireSector(ExerciseClock exercise, String sector) {
        if (sector != null && exercise.sectors() != null && !exercise.sectors().contains(sector)) {
            throw ApiException.unprocessable("sector.unknown", sector, exercise.exerciseId(),
                    String.join(", ", exercise.sectors()));
        }
    }

    public List<ExerciseClock> all() {
        return mongo.find(new Query().with(Sort.by("_id")), ExerciseClock.class, COLLECTION);
    }
}
