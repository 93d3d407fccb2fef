package nl.weerbaar.situatiebeeld.picture;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The review's picture at a scenario time, folded from hourly snapshots, equals the picture folded from the start. */
class ReviewPicturesTest {

    private static final String EXERCISE = "oef-review";
    private static final long H = 3600;

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final List<LogEntry> log = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "review");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theSliderFoldsFromTheSnapshotBeforeItsTimeAndGetsWhatAFoldFromTheStartGets() {
        for (long h = 0; h < 10; h++) {
            append(h * H + 60, EventType.CLOCK_TICKED, new ClockTicked(EXERCISE, h * H + 60, 60, Instant.EPOCH));
            append(h * H + 100, EventType.CITIZEN_CHECKED_IN, checkIn("ci-" + h, h * H + 100));
            // help requests, one escalated every other hour: the picture's alerts and requests go into snapshots too
            append(h * H + 200, EventType.HELP_REQUEST_OPENED, new HelpRequestOpened(EXERCISE, "h-" + h, "first-aid",
                    "urgent", h * H + 1200, "heesch", "nsp-1", 51.73, 5.53, false, 1, null, "nsp", null, h * H + 200));
            if (h % 2 == 1) {
                append(h * H + 1200, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated(EXERCISE, "h-" + h,
                        "no-volunteer", Text.of("Niemand", "Nobody"), h * H + 1200));
            }
        }
        ReviewPictures review = new ReviewPictures(new PictureLog(mongo), mongo);

        assertThat(full(review.at(EXERCISE, 7 * H + 30))).isEqualTo(foldedFromStart(7 * H + 30));
        assertThat(snapshots()).as("one at every scenario hour an entry passed").isEqualTo(6);
        for (long at : new long[] {30, H, 2 * H + 70, 5 * H + 100, 7 * H + 30, 9 * H + 99, 9 * H + 100}) {
            assertThat(full(review.at(EXERCISE, at))).as("at %d", at).isEqualTo(foldedFromStart(at));
        }
        assertThat(review.at(EXERCISE, 9 * H + 100).getAlertTimes()).hasSize(4);
        assertThat(snapshots()).isEqualTo(9);

        // an entry of an earlier scenario time appended now (an instance that caught up late): the snapshots after
        // its time no longer hold, are dropped and taken again
        append(2 * H + 500, EventType.CITIZEN_CHECKED_IN, checkIn("ci-late", 2 * H + 500));
        assertThat(full(review.at(EXERCISE, 8 * H))).isEqualTo(foldedFromStart(8 * H));
        assertThat(full(review.at(EXERCISE, 4 * H))).isEqualTo(foldedFromStart(4 * H));
    }

    private void append(long at, EventType type, Object payload) {
        try {
            LogEntry entry = new LogEntry("e-" + (log.size() + 1), EXERCISE, log.size() + 1, type.topic(),
                    type.shortName(), EXERCISE, at, EventJson.mapper().writeValueAsString(payload));
            log.add(entry);
            mongo.insert(entry, "picture_log");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CitizenCheckedIn checkIn(String id, long at) {
        return new CitizenCheckedIn(EXERCISE, "nsp-1", id, 2, List.of(), false, null, null, "population", null, null,
                null, at);
    }

    private String foldedFromStart(long at) {
        Picture picture = PictureFolder.fold(EXERCISE, log.stream().filter(e -> e.atSeconds() <= at)
                .sorted(Comparator.comparingLong(LogEntry::atSeconds).thenComparingLong(LogEntry::seq)).toList());
        picture.clockSeconds = at;
        return full(picture);
    }

    private static String full(Picture picture) {
        return ReviewPictures.write(picture);
    }

    private long snapshots() {
        return mongo.getCollection(ReviewPictures.COLLECTION).countDocuments();
    }
}
