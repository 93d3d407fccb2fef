package nl.weerbaar.situatiebeeld.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.weerbaar.kit.events.InboundEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every event of every exercise, in the order taken in (collection {@code picture_log}, keyed by event id, so an event
 * delivered again is kept once). Each exercise's entries are numbered 1, 2, 3 ... by its one appender
 * ({@link LogAppender}), so an entry appears only after all lower numbers: a follower or a browser that reconnects asks
 * for what came after the last number it has, and neither misses nor doubles anything. Check-ins are kept without postcode and
 * note: the picture counts people, it does not need to know them.
 */
@Component
public class PictureLog {

    static final String COLLECTION = "picture_log";

    private final MongoTemplate mongo;

    public PictureLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Appends {@code event} as entry number {@code seq} and returns the entry now in the log for the event's id:
     * this one, or the one kept before (a retry after a crash brings the same number, a duplicate event another).
     */
    public Optional<LogEntry> append(InboundEvent event, long seq) {
        ObjectNode payload = event.payload().deepCopy();
        payload.remove(List.of("postcode", "note"));
        // the topic of its type: the appender reads it from the repartition topic
        LogEntry entry = new LogEntry(event.id(), event.exerciseId(), seq, event.type().topic(),
                event.type().shortName(), event.subject(), event.scenarioTimeSeconds(), payload.toString());
        try {
            mongo.insert(entry, COLLECTION);
            return Optional.of(entry);
        } catch (DuplicateKeyException again) {
            return Optional.ofNullable(mongo.findById(event.id(), LogEntry.class, COLLECTION));
        }
    }

    /** The exercise's entries after {@code seq}, at most {@code limit}, in order. */
    public List<LogEntry> after(String exerciseId, long seq, int limit) {
        return mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId).and("seq").gt(seq))
                .with(Sort.by("seq")).limit(limit), LogEntry.class, COLLECTION);
    }

    /** The exercise's last {@code limit} entries, in order. */
    public List<LogEntry> latest(String exerciseId, int limit) {
        List<LogEntry> newestFirst = mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(limit), LogEntry.class, COLLECTION);
        return newestFirst.reversed();
    }

    /** The last {@code limit} entries of scenario time {@code at} or before, in scenario-time order (the feed then). */
    public List<LogEntry> lastUpTo(String exerciseId, long at, int limit) {
        List<LogEntry> newestFirst = mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)
                .and("atSeconds").lte(at)).with(Sort.by(Sort.Direction.DESC, "atSeconds", "seq")).limit(limit),
                LogEntry.class, COLLECTION);
        return newestFirst.reversed();
    }

    /**
     * The entries of scenario time from {@code from} (inclusive) to {@code to} (inclusive), in scenario-time order
     * and read in batches, so that a national exercise's log is never one reply: close the stream.
     */
    public Stream<LogEntry> between(String exerciseId, long from, long to) {
        return mongo.stream(Query.query(Criteria.where("exerciseId").is(exerciseId).and("atSeconds").gte(from).lte(to))
                .with(Sort.by("atSeconds", "seq")).cursorBatchSize(BATCH), LogEntry.class, COLLECTION);
    }

    /** The number of the exercise's last entry; 0 while it has none. */
    public long lastSeq(String exerciseId) {
        return latest(exerciseId, 1).stream().mapToLong(LogEntry::seq).findFirst().orElse(0);
    }

    /** Whether an entry of scenario time before {@code before} was appended after entry number {@code seq}. */
    public boolean appendedAfter(String exerciseId, long seq, long before) {
        return mongo.exists(Query.query(Criteria.where("exerciseId").is(exerciseId).and("seq").gt(seq)
                .and("atSeconds").lt(before)), COLLECTION);
    }

    private static final int BATCH = 2000;

    /** All the exercise's entries, in the order taken in. */
    public List<LogEntry> all(String exerciseId) {
        try (Stream<LogEntry> entries = inOrder(exerciseId)) {
            return entries.toList();
        }
    }

    /** All the exercise's entries, in the order taken in, read in batches: close the stream. */
    public Stream<LogEntry> inOrder(String exerciseId) {
        return mongo.stream(Query.query(Criteria.where("exerciseId").is(exerciseId)).with(Sort.by("seq"))
                .cursorBatchSize(BATCH), LogEntry.class, COLLECTION);
    }
}
