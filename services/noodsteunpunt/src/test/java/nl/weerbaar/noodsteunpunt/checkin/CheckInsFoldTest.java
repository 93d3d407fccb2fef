package nl.weerbaar.noodsteunpunt.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Check-ins and check-outs folded a batch at a time on a MongoDB-protocol server: a check-out counts only for a
 * check-in still present (the first one wins, in a batch and across batches), and a redelivered check-in changes
 * nothing, not even a check-out already folded.
 */
class CheckInsFoldTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
            + server.getLocalAddress().getPort());
    private final CheckIns checkIns = new CheckIns(new MongoTemplate(client, "check-ins-fold"));

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theFirstCheckOutOfACheckInStillPresentCountsAndARedeliveredCheckInChangesNothing() {
        CheckIns.Fold batch = checkIns.fold();
        batch.checkedIn(in("ci-1", 3600));
        batch.checkedOut(out("ci-1", 7200, CitizenCheckedOut.LEFT));
        batch.checkedOut(out("ci-1", 7300, "redirected")); // later in the same batch: not taken
        batch.checkedOut(out("ci-unknown", 7200, CitizenCheckedOut.LEFT)); // no such check-in: nothing
        batch.write();

        CheckIns.Fold next = checkIns.fold();
        next.checkedIn(in("ci-1", 3600)); // redelivered
        next.checkedOut(out("ci-1", 9000, "redirected")); // a second check-out in a later batch: not taken
        next.checkedIn(in("ci-2", 3700));
        next.write();

        CheckInView visit = checkIns.find("oef-1", "ci-1").orElseThrow();
        assertThat(visit.outSeconds()).isEqualTo(7200L);
        assertThat(visit.outReason()).isEqualTo(CitizenCheckedOut.LEFT);
        assertThat(checkIns.find("oef-1", "ci-2").orElseThrow().outSeconds()).isNull();
        assertThat(checkIns.find("oef-1", "ci-unknown")).isEmpty();
    }

    private static CitizenCheckedIn in(String id, long at) {
        return new CitizenCheckedIn("oef-1", "nsp-heesch", id, 2, List.of("warmth"), false, "5384", null,
                CitizenCheckedIn.FROM_POPULATION, "hh-" + id, null, null, at);
    }

    private static CitizenCheckedOut out(String id, long at, String reason) {
        return new CitizenCheckedOut("oef-1", "nsp-heesch", id, 2, reason, "simulation", null, at);
    }
}
