package nl.weerbaar.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Sealed with the exercise's key, opened while it exists, unreadable everywhere once the purge deleted it — also by
 * a second service instance that had the key in memory, once its cache runs out.
 */
class PersonalDataTest {

    private static final PersonalDataProperties SETTINGS = new PersonalDataProperties("vault", Duration.ofSeconds(30));

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate vault;
    private Instant now = Instant.parse("2026-12-04T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        vault = new MongoTemplate(client, "vault");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private PersonalData instance() {
        return new PersonalData(new ExerciseKeys(vault, clock, SETTINGS));
    }

    @Test
    void sealedValuesOpenWhileTheKeyExistsAndNeverAfterThePurge() {
        PersonalData noodsteunpunt = instance();
        PersonalData burgerhulp = instance();
        String sealed = noodsteunpunt.seal("oef-1", "Mevrouw Jansen, Kerkstraat 12, rolstoel");
        assertThat(sealed).startsWith("sealed:v1:oef-1:").doesNotContain("Jansen");
        assertThat(PersonalData.isSealed(sealed)).isTrue();
        assertThat(noodsteunpunt.seal("oef-1", "Mevrouw Jansen, Kerkstraat 12, rolstoel"))
                .as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(burgerhulp.open(sealed)).contains("Mevrouw Jansen, Kerkstraat 12, rolstoel");
        assertThat(vault.getCollection(ExerciseKeys.COLLECTION).countDocuments()).isEqualTo(1);

        noodsteunpunt.purge("oef-1");

        assertThat(noodsteunpunt.open(sealed)).isEmpty();
        assertThat(noodsteunpunt.isPurged("oef-1")).isTrue();
        assertThat(burgerhulp.open(sealed)).as("still in the other instance's cache").isPresent();
        now = now.plusSeconds(31);
        assertThat(burgerhulp.open(sealed)).as("its cache ran out: the key is gone").isEmpty();
        assertThat(instance().open(sealed)).isEmpty();
        Document stored = vault.getCollection(ExerciseKeys.COLLECTION).find().first();
        assertThat(stored).containsKey("purgedAt").doesNotContainKey("key");
        // a value that arrives after the purge is purged on arrival: no new key is made for it
        assertThat(burgerhulp.seal("oef-1", "5384")).isNull();
        assertThat(instance().seal("oef-1", "5384")).isNull();
    }

    @Test
    void eachExerciseHasItsOwnKeyAndATamperedValueDoesNotOpen() {
        PersonalData data = instance();
        String one = data.seal("oef-1", "5384");
        String two = data.seal("oef-2", "5384");
        data.purge("oef-1");
        assertThat(data.open(one)).isEmpty();
        assertThat(data.open(two)).contains("5384");
        String otherExercise = two.replace("sealed:v1:oef-2:", "sealed:v1:oef-3:");
        data.seal("oef-3", "x");
        assertThat(data.open(otherExercise)).as("bound to its exercise").isEmpty();
        char[] chars = two.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
        assertThat(data.open(new String(chars))).as("changed on the way").isEmpty();
    }

    @Test
    void plainValuesFromTheSimulationStayAsTheyAre() {
        PersonalData data = instance();
        assertThat(data.open("5384")).contains("5384");
        assertThat(data.open(null)).isEmpty();
        assertThat(data.seal("oef-1", null)).isNull();
        assertThat(vault.getCollection(ExerciseKeys.COLLECTION).countDocuments()).as("no key for nothing").isZero();
    }
}
