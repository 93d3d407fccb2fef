package nl.weerbaar.outagetimeline.scenario;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.kit.test.TopicRecorder;
import java.util.UUID;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@WeerbaarIntegrationTest
class ScenarioUploadTest {

    private static final String YAML = "application/yaml";

    @Autowired MockMvc mvc;
    @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired nl.weerbaar.kit.readmodel.ReadModelRebuild rebuild;
    @Autowired ScenarioCatalog catalog;
    @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void aTrainerUploadsAScenarioThatCanThenBeListedReadAndPlayed() throws Exception {
        String id = "eigen-" + UUID.randomUUID().toString().substring(0, 8);
        String file = scenario(id, "minor");
        mvc.perform(post("/api/scenarios").with(token(TRAINER)).contentType(YAML).content(file))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/scenarios/" + id))
                .andExpect(jsonPath("$.injects").value(1));
        mvc.perform(get("/api/scenarios").with(token(CRISIS_TEAM)))
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].origin").value("uploaded"));
        mvc.perform(get("/api/scenarios/" + id).with(token(TRAINER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.injects[0].at").value("0:30"));
        mvc.perform(get("/api/scenarios/" + id + "/file").with(token(TRAINER))).andExpect(status().isOk());
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType("application/json")
                .content("{\"scenarioId\":\"" + id + "\"}")).andExpect(status().isAccepted());
        // the same id again is refused, never overwritten
        mvc.perform(post("/api/scenarios").with(token(TRAINER)).contentType(YAML).content(file))
                .andExpect(status().isConflict());
    }

    @Test
    void theLibraryLivesOnItsTopicAndIsRebuiltFromIt() throws Exception {
        String id = "topic-" + UUID.randomUUID().toString().substring(0, 8);
        String file = scenario(id, "minor");
        mvc.perform(post("/api/scenarios").with(token(TRAINER)).contentType(YAML).content(file))
                .andExpect(status().isCreated());
        // a document no upload made: a rebuild that did not empty the library would keep it
        mongo.insert(new org.bson.Document("_id", "stray-" + id).append("yaml", file.replace(id, "stray-" + id)),
                ScenarioCatalog.COLLECTION);
        mvc.perform(get("/api/scenarios/stray-" + id).with(token(TRAINER))).andExpect(status().isOk());

        mvc.perform(post("/api/admin/read-models/scenarios/rebuild").with(token(TRAINER)))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.status("scenarios").rebuilding()
                && rebuild.status("scenarios").remaining() == 0 && catalog.file(id).isPresent());
        mvc.perform(get("/api/scenarios/" + id + "/file").with(token(TRAINER))).andExpect(status().isOk())
                .andExpect(content().string(file));
        mvc.perform(get("/api/scenarios/stray-" + id).with(token(TRAINER))).andExpect(status().isNotFound());
    }

    @Test
    void aBrokenScenarioIsRefusedNamingLineAndFieldAndNothingIsStored() throws Exception {
        String id = "kapot-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/scenarios").with(token(TRAINER)).contentType(YAML).content(scenario(id, "loud"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.detail").value("The scenario file has 1 problem(s); see errors for line and field."))
                .andExpect(jsonPath("$.errors[0].field").value("$.injects[0].severity"))
                .andExpect(jsonPath("$.errors[0].line").value(11));
        mvc.perform(get("/api/scenarios/" + id).with(token(TRAINER))).andExpect(status().isNotFound());
        mvc.perform(post("/api/scenarios").with(token(CRISIS_TEAM)).contentType(YAML).content(scenario(id, "minor")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scenarios/" + id).with(token(TRAINER))).andExpect(status().isNotFound());
    }

    @Test
    void anOversizedUploadOrAnOverlongValueIsRefusedBeforeItIsReadAndNothingIsStored() throws Exception {
        String id = "te-groot-" + UUID.randomUUID().toString().substring(0, 8);
        String base = scenario(id, "minor");
        // beyond the 8 MB a scenario upload may have: 413, the body is not read
        mvc.perform(post("/api/scenarios").with(token(TRAINER)).contentType(YAML)
                        .content(base + "# " + "x".repeat(9 << 20) + "\n"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("body-too-large"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("8 MB")));
        // within it, but one value of a megabyte: refused before the YAML reader, naming its line
        String longName = base.replace("name: Eigen scenario", "name: " + "x".repeat(1 << 20));
        mvc.perform(post("/api/scenarios").with(token(TRAINER)).contentType(YAML).content(longName)
                        .header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("10000")));
        mvc.perform(get("/api/scenarios/" + id).with(token(TRAINER))).andExpect(status().isNotFound());
    }

    @Test
    void aTrainerGeneratesARegionOfAGivenSizeAndBadNumbersAreRefusedWithNothingStored() throws Exception {
        String id = "regio-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\":\"" + id + "\",\"name\":\"Testregio\",\"places\":%d,\"inhabitants\":%d,"
                + "\"nspsPerPlace\":2,\"seed\":5}";
        mvc.perform(post("/api/scenarios/generated").with(token(TRAINER)).contentType("application/json")
                        .content(body.formatted(0, 1000)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        mvc.perform(post("/api/scenarios/generated").with(token(TRAINER)).contentType("application/json")
                        .content(body.formatted(20, 10)).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("A region of 20 places needs at least 20 inhabitants, not 10."));
        mvc.perform(post("/api/scenarios/generated").with(token(CRISIS_TEAM)).contentType("application/json")
                .content(body.formatted(20, 40_000))).andExpect(status().isForbidden());
        mvc.perform(get("/api/scenarios/" + id).with(token(TRAINER))).andExpect(status().isNotFound());

        mvc.perform(post("/api/scenarios/generated").with(token(TRAINER)).contentType("application/json")
                        .content(body.formatted(20, 40_000)))
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/scenarios/" + id));
        mvc.perform(get("/api/scenarios/" + id).with(token(TRAINER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.places.length()").value(20)).andExpect(jsonPath("$.nsps.length()").value(41));
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType("application/json")
                .content("{\"scenarioId\":\"" + id + "\"}")).andExpect(status().isAccepted());
    }

    @Test
    void aWorldBeyondKafkasDefaultRecordSizeIsUploadedAndLoaded() throws Exception {
        // 2,000 places: the file is about 1.4 MB, its world in scenario-loaded more (a national one, 3,600 places,
        // about 2.4 MB); Kafka's default limit is 1 MB
        String id = "groot-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/scenarios/generated").with(token(TRAINER)).contentType("application/json")
                        .content("{\"id\":\"" + id + "\",\"name\":\"Grote regio\",\"places\":2000,"
                                + "\"inhabitants\":200000,\"nspsPerPlace\":1,\"seed\":3}"))
                .andExpect(status().isCreated());
        assertThat(catalog.file(id).orElseThrow().length()).isGreaterThan(1 << 20);
        String exerciseId = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/exercises").with(token(TRAINER))
                        .contentType("application/json").content("{\"scenarioId\":\"" + id + "\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.exerciseId");
        try (TopicRecorder topic = new TopicRecorder(brokers, Topics.EXERCISE)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> topic.records().stream().anyMatch(r ->
                    exerciseId.equals(r.exerciseId()) && EventType.SCENARIO_LOADED.type().equals(r.type())));
            TopicRecorder.RawRecord loaded = topic.records().stream().filter(r -> exerciseId.equals(r.exerciseId())
                    && EventType.SCENARIO_LOADED.type().equals(r.type())).findFirst().orElseThrow();
            assertThat(loaded.valueText().length()).isGreaterThan(1 << 20);
            assertThat(loaded.payload(ScenarioLoaded.class).places()).hasSize(2000);
        }
    }

    private static String scenario(String id, String severity) {
        return """
                id: %s
                name: Eigen scenario
                region: Bernheze
                durationHours: 4
                seed: 5
                sectors: [{ id: telecom, name: { nl: Telecom, en: Telecom } }]
                places: [{ id: heesch, name: Heesch, lat: 51.7, lon: 5.5, inhabitants: 100, households: 40, postcode: '5384' }]
                injects:
                  - id: mast
                    at: '0:30'
                    severity: %s
                    sector: telecom
                    effect: { nl: Mast valt uit, en: Mast fails }
                """.formatted(id, severity);
    }
}
