package nl.weerbaar.outagetimeline.exercise;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.events.EventPublisher.Published;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What became of a forwarded clock command ({@code clock_commands}, by the command's event id). Whoever inserts the
 * document first decides: the instance driving the clock claims the command before it applies it, the instance
 * that forwarded it abandons it when no answer came in time. So a command takes effect once, or — when the
 * trainer was told it did not — never.
 */
@Component
class CommandOutcomes {

    static final String COLLECTION = "clock_commands";

    enum State { CLAIMED, DONE, REFUSED, ABANDONED }

    record Outcome(String id, State state, String eventId, String type, int partition, long offset, int status,
                   String code, List<String> args, Instant at) {

        Published published() {
            return new Published(eventId, EventType.fromType(type).orElseThrow(), partition, offset);
        }

        ApiException refusal() {
            return new ApiException(HttpStatus.valueOf(status), code, args.toArray());
        }
    }

    private final MongoTemplate mongo;

    CommandOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when this caller may apply the command: nobody claimed or abandoned it before. */
    boolean claim(String commandId) {
        return insert(commandId, State.CLAIMED);
    }

    /** True when the command is given up for good: nobody had claimed it. */
    boolean abandon(String commandId) {
        return insert(commandId, State.ABANDONED);
    }

    /** A claimed command failed on the way (not refused): another attempt may claim it again. */
    void release(String commandId) {
        mongo.remove(Query.query(Criteria.where("_id").is(commandId).and("state").is(State.CLAIMED)), COLLECTION);
    }

    void done(String commandId, Published published) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(commandId)), new Update().set("state", State.DONE)
                .set("eventId", published.eventId()).set("type", published.type().type())
                .set("partition", published.partition()).set("offset", published.offset()), COLLECTION);
    }

    void refused(String commandId, ApiException refusal) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(commandId)), new Update().set("state", State.REFUSED)
                .set("status", refusal.status().value()).set("code", refusal.code())
                .set("args", Arrays.stream(refusal.args()).map(String::valueOf).toList()), COLLECTION);
    }

    Optional<Outcome> find(String commandId) {
        return Optional.ofNullable(mongo.findById(commandId, Outcome.class, COLLECTION));
    }

    private boolean insert(String commandId, State state) {
        try {
            mongo.insert(new Outcome(commandId, state, null, null, 0, 0, 0, null, List.of(), Instant.now()),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
