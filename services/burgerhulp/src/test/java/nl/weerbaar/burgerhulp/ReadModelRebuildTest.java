package nl.weerbaar.burgerhulp;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.readmodel.ReadModelRebuild;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NoodsteunpuntApplication;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.vitalstatus.VitalStatusApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The read model is not the record: after the small test scenario has played through the four real services, burgerhulp's
 * read model (volunteers, help requests, NSPs, reachability) is dropped and refilled from the topics by the admin
 * API, and the rebuilt model equals the original, document for document.
 */
@WeerbaarIntegrationTest
class ReadModelRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired ExerciseClocks clocks;
    @Autowired ReadModelRebuild rebuild;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void theRebuiltReadModelEqualsTheOriginal() throws Exception {
        TimelineDriver timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        String id;
        try (TopicRecorder topic = new TopicRecorder(brokers, Topics.BURGERHULP)) {
            id = timeline.play("klein-testscenario", 20_000, PATIENCE, ex -> clocks.find(ex).isPresent());
            // the coordination has finished the exercise: its ended watermark on every partition
            await().atMost(PATIENCE).until(() -> {
                List<JsonNode> ended = topic.allValidRecords(id).stream()
                        .filter(r -> EventType.BURGERHULP_PROGRESS_MARKED.type().equals(r.type()))
                        .map(r -> r.payload(JsonNode.class)).filter(m -> m.path("ended").asBoolean()).toList();
                return !ended.isEmpty() && ended.stream().map(m -> m.path("partition").asInt()).distinct().count()
                        == ended.getFirst().path("partitions").asInt();
            });
        }
        await().atMost(PATIENCE).until(() -> rebuild.status("burgerhulp").remaining() == 0);
        Map<String, List<Document>> original = snapshot(id);
        assertThat(original.get("help_requests")).as("help requests in the original").isNotEmpty();
        assertThat(original.get("volunteers")).as("volunteers in the original").isNotEmpty();

        mvc.perform(post("/api/admin/read-models/burgerhulp/rebuild").with(token(CRISIS_TEAM)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/read-models/geen-model/rebuild").with(token(TRAINER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // a document no event made: a rebuild that did not empty the model would keep it
        mongo.insert(new Document("_id", "stray-" + id).append("exerciseId", id), "help_requests");
        mvc.perform(post("/api/admin/read-models/burgerhulp/rebuild").with(token(TRAINER)))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.name").value("burgerhulp"));
        await().atMost(PATIENCE).until(() -> rebuild.status("burgerhulp").remaining() == 0);
        mvc.perform(get("/api/admin/read-models").with(token(TRAINER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'burgerhulp')].rebuilding").value(false));

        assertThat(snapshot(id)).isEqualTo(original);
    }

    /**
     * The exercise's documents in each collection of the read model, by id. Compared as documents (maps), not as
     * JSON text: the order of a document's fields depends on how many events one write folded, not on its content.
     */
    private Map<String, List<Document>> snapshot(String exerciseId) {
        Map<String, List<Document>> snapshot = new TreeMap<>();
        for (String collection : rebuild.models().stream().filter(m -> m.name().equals("burgerhulp")).findFirst()
                .orElseThrow().collections()) {
            snapshot.put(collection, mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId))
                            .with(org.springframework.data.domain.Sort.by("_id")), Document.class, collection)
                    .stream().toList());
        }
        return snapshot;
    }
}
