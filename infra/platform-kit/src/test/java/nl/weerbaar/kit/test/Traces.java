package nl.weerbaar.kit.test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.bson.Document;

/**
 * Where a text can be read: every record (value and headers) of every topic on the broker — dead-letter topics,
 * changelogs and repartition topics of the stream processors included — and every document of every database on the
 * MongoDB-protocol server. For proving that personal data never lies anywhere in plain text. Records of aborted
 * transactions count too: they stay in the log.
 */
public final class Traces {

    private Traces() {
    }

    /** The topics (with partition and offset) whose records hold {@code text}. */
    public static List<String> inTopics(String brokers, String text) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        Set<String> topics;
        try (Admin admin = Admin.create(props)) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not list the topics", e);
        }
        List<String> found = new ArrayList<>();
        for (String topic : topics) {
            try (TopicRecorder recorder = new TopicRecorder(brokers, topic, false)) {
                for (TopicRecorder.RawRecord r : recorder.caughtUp()) {
                    String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                    if (value.contains(text) || (r.key() != null && r.key().contains(text)) || r.headers().values().stream().anyMatch(h -> h.contains(text))) {
                        found.add(r.topic() + "-" + r.partition() + "@" + r.offset());
                    }
                }
            }
        }
        return found;
    }

    /** The collections (database.collection) with a document that holds {@code text}. */
    public static List<String> inMongo(MongoClient client, String text) {
        List<String> found = new ArrayList<>();
        for (String name : client.listDatabaseNames()) {
            MongoDatabase database = client.getDatabase(name);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    if (document.toJson().contains(text)) {
                        found.add(name + "." + collection);
                        break;
                    }
                }
            }
        }
        return found;
    }
}
