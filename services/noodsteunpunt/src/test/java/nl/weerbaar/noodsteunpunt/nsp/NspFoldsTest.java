package nl.weerbaar.noodsteunpunt.nsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.Stock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The NSP read model's batch folds on a MongoDB-protocol server: a batch's events change the NSPs in their order, in
 * one read and one write, and the same batch folded again (a redelivery) changes nothing.
 */
class NspFoldsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
            + server.getLocalAddress().getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "nsp-folds");
    private final NspViews views = new NspViews(mongo);
    private final NspNotices notices = new NspNotices(mongo);

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchChangesItsNspsInOrderAndTheSameBatchAgainChangesNothing() throws Exception {
        NspRegistered registered = EventJson.mapper().treeToValue(
                ContractExamples.of(EventType.NSP_REGISTERED).get(0).payload(), NspRegistered.class);
        String exercise = registered.exerciseId();
        String nsp = registered.nsp().id();
        for (int time = 0; time < 2; time++) {
            NspViews.Fold fold = views.fold(Set.of(NspView.key(exercise, nsp)));
            fold.register(registered, "e-registered", 0);
            fold.state(changed(exercise, nsp, NspState.OPENING, 600), "e-opening", 1);
            fold.stock(exercise, nsp, new Stock(500, 100, 24.0), 900, "e-stock-900");
            fold.state(changed(exercise, nsp, NspState.OPEN, 1200), "e-open", 2);
            fold.stock(exercise, nsp, new Stock(800, 150, 30.0), 600, "e-stock-600"); // an older report: not taken
            fold.write();
        }

        NspView view = views.find(exercise, nsp).orElseThrow();
        assertThat(view.state()).isEqualTo(NspState.OPEN);
        assertThat(view.sinceSeconds()).isEqualTo(1200);
        assertThat(view.stock().waterLitres()).isEqualTo(500);
        assertThat(view.stockAtSeconds()).isEqualTo(900L);
        assertThat(views.history(exercise, nsp)).extracting(NspStateChanged::state)
                .containsExactly(NspState.OPENING, NspState.OPEN);
        assertThat(views.all(exercise)).hasSize(1);
    }

    @Test
    void noticesAreKeptOncePerEventAndThePurgeTakesTheNotesOfHelpRequestsFolded() {
        JsonNode help = ContractExamples.of(EventType.HELP_REQUESTED).get(0).payload();
        String exercise = help.path("exerciseId").asText();
        assertThat(help.path("note").isMissingNode()).as("the example has a note to purge").isFalse();
        NspNotices.Fold fold = notices.fold();
        fold.add("e-help", EventType.HELP_REQUESTED, exercise, help.path("nspId").asText(), 3600, help);
        fold.add("e-help", EventType.HELP_REQUESTED, exercise, help.path("nspId").asText(), 3600, help);
        fold.purge(exercise);
        fold.write();

        List<java.util.Map<String, Object>> kept = notices.find(exercise, "help", null);
        assertThat(kept).hasSize(1);
        java.util.Map<?, ?> event = (java.util.Map<?, ?>) kept.get(0).get("event");
        assertThat(event.containsKey("note")).isFalse();
        assertThat(event.get("nspId")).isEqualTo(help.path("nspId").asText());
    }

    private static NspStateChanged changed(String exercise, String nsp, NspState state, long at) {
        return new NspStateChanged(exercise, nsp, state, null, "test", NspStateChanged.BY_POLICY, null, null, at);
    }
}
