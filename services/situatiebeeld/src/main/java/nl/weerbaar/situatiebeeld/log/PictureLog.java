package nl.weerbaar.situatiebeeld.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.weerbaar.kit.events.InboundEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
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

    /** The log's entry for {@code event} as number {@code seq}: without personal data. */
    LogEntry entry(InboundEvent event, long seq) {
        ObjectNode payload = event.payload().deepCopy();
        payload.remove(List.of("postcode", "note"));
        // the topic of its type: the appender reads it from the repartition topic
        return new LogEntry(event.id(), event.exerciseId(), seq, event.type().topic(), event.type().shortName(),
                event.subject(), event.scenarioTimeSeconds(), payload.toString());
    }

    /** The entries kept for these event ids, by id. */
    Map<String, LogEntry> existing(Collection<String> eventIds) {
        Map<String, LogEntry> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(eventIds)), LogEntry.class, COLLECTION)
                .forEach(e -> found.put(e.eventId(), e));
        return found;
    }

    /**
     * Appends the entries in their order, in one write: ordered, so a follower reading meanwhile sees a prefix and
     * never a number before the numbers under it.
     */
    void appendAll(List<LogEntry> entries) {
        if (!entries.isEmpty()) {
            mongo.bulkOps(BulkOperations.BulkMode.ORDERED, LogEntry.class, COLLECTION).insert(entries).execute();
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
