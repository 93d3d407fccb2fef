package nl.weerbaar.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded MongoDB-protocol server with its read models on disk ({@code -Dweerbaar.mongo.store=disk}). */
class MongoProcessTest {

    @TempDir
    Path dir;

    @Test
    void onDiskTheReadModelsAreInTheFileAndOutliveTheServer() {
        Path file = dir.resolve("read-models.mv.db");
        MongoServer first = new MongoServer(MongoProcess.backend(file.toString()));
        try (MongoClient client = MongoClients.create(uri(first.bind()))) {
            collection(client).insertMany(List.of(new Document("_id", "hr-1").append("state", "OPEN"),
                    new Document("_id", "hr-2").append("state", "CLOSED")));
            collection(client).updateOne(Filters.eq("_id", "hr-1"), new Document("$set", new Document("state",
                    "MATCHED")));
        } finally {
            first.shutdownNow();
        }
        assertThat(file).exists();
        assertThat(file.toFile().length()).isPositive();

        MongoServer second = new MongoServer(MongoProcess.backend(file.toString()));
        try (MongoClient client = MongoClients.create(uri(second.bind()))) {
            assertThat(collection(client).find(Filters.in("_id", "hr-1", "hr-2")).into(new java.util.ArrayList<>()))
                    .extracting(d -> d.getString("state")).containsExactlyInAnyOrder("MATCHED", "CLOSED");
        } finally {
            second.shutdownNow();
        }
    }

    @Test
    void theDiskStoreKeepsOldChunksLongEnoughForALongFoldAndCachesMoreThanH2sDefault() {
        MVStore store = MongoProcess.diskStore(dir.resolve("settings.mv.db").toString());
        try {
            assertThat(store.getRetentionTime()).isEqualTo((int) MongoProcess.RETENTION.toMillis());
            assertThat(store.getAutoCommitDelay()).isEqualTo((int) MongoProcess.WRITE_DELAY.toMillis());
            assertThat(store.getCacheSize()).isGreaterThanOrEqualTo(16);
        } finally {
            store.close();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("weerbaar-burgerhulp").getCollection("help_requests");
    }

    private static String uri(InetSocketAddress address) {
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
