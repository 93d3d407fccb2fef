package nl.weerbaar.kit.idempotency;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The highest offset a consumer has applied on each partition (collection {@code applied_offsets}, one document per
 * consumer and partition): a record at or below it was applied before and comes again only because its offset had not
 * been committed yet. One document per partition instead of one per event keeps a national exercise's redelivery
 * guard at a few hundred documents rather than tens of millions.
 *
 * <p>It holds only while the partition's log is the one it was written for: a topic deleted and made anew (or a
 * broker's data wiped while MongoDB kept its own) starts at offset 0 again, and its read models must then be rebuilt
 * ({@code weerbaar rebuild}), which clears these too.
 */
public class AppliedOffsets {

    public static final String COLLECTION = "applied_offsets";

    private final MongoTemplate mongo;

    public AppliedOffsets(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Of these partitions, the highest offset {@code consumer} applied on each it applied anything on: one query. */
    public Map<TopicPartition, Long> of(String consumer, Collection<TopicPartition> partitions) {
        Map<String, TopicPartition> byKey = new HashMap<>();
        partitions.forEach(partition -> byKey.put(key(consumer, partition), partition));
        Map<TopicPartition, Long> applied = new HashMap<>();
        if (byKey.isEmpty()) {
            return applied;
        }
        for (Document marker : mongo.find(Query.query(Criteria.where("_id").in(byKey.keySet())), Document.class,
                COLLECTION)) {
            applied.put(byKey.get(marker.getString("_id")), ((Number) marker.get("offset")).longValue());
        }
        return applied;
    }

    /** Moves each partition's mark up to {@code highest} (never down: a late writer cannot undo a later one). */
    public void advance(String consumer, Map<TopicPartition, Long> highest) {
        if (highest.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        highest.forEach((partition, offset) -> bulk.upsert(Query.query(Criteria.where("_id")
                .is(key(consumer, partition))), new Update().max("offset", offset)));
        bulk.execute();
    }

    /** The ids of {@code consumer}'s marks start with this: a rebuild removes them. */
    public static String prefix(String consumer) {
        return consumer + "/";
    }

    private static String key(String consumer, TopicPartition partition) {
        return prefix(consumer) + partition.topic() + "/" + partition.partition();
    }
}
