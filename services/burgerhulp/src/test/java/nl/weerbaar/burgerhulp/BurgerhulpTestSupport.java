package nl.weerbaar.burgerhulp;

import static nl.weerbaar.kit.test.TestAuth.COORDINATOR;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nl.weerbaar.burgerhulp.coordination.CoordinationModel;
import nl.weerbaar.burgerhulp.coordination.CoordinationQueries;
import nl.weerbaar.burgerhulp.coordination.RequestState;
import nl.weerbaar.burgerhulp.nsp.KnownNsps;
import nl.weerbaar.burgerhulp.request.HelpRequestView;
import nl.weerbaar.burgerhulp.request.HelpRequests;
import nl.weerbaar.burgerhulp.volunteer.Volunteers;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.noodsteunpunt.NoodsteunpuntApplication;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.vitalstatus.VitalStatusApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Plays the burgerhulp test scenario on the real outage-timeline, vital-status and noodsteunpunt services (companions
 * in this JVM, same broker) and acts as coordinators, volunteers and NSP operators would. The scenario has no pool and
 * no population, so every volunteer and help request is one the test made; the exercise is paused once the NSPs are
 * open and scenario time moves only when a test jumps, so offers expire exactly when the test says.
 */
public abstract class BurgerhulpTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(90);
    protected static final String SCENARIO = "burgerhulp-test";
    /** Noodsteunpunt Heesch, where the volunteers of the tests live around. */
    protected static final double NSP_LAT = 51.7322;
    protected static final double NSP_LON = 5.5266;
    /** About 1.1 km of latitude. */
    protected static final double KM = 1 / 111.2;

    @Autowired protected MockMvc mvc;
    @Autowired protected ExerciseClocks clocks;
    @Autowired protected KnownNsps nsps;
    @Autowired protected Volunteers volunteers;
    @Autowired protected HelpRequests requests;
    @Autowired protected CoordinationQueries models;
    @Value("${spring.kafka.bootstrap-servers}") protected String brokers;
    protected TimelineDriver timeline;
    protected MockMvc noodsteunpunt;
    protected TopicRecorder topic;

    @BeforeEach
    void startCompanions() throws Exception {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        noodsteunpunt = CompanionServices.mvc(CompanionServices.start(NoodsteunpuntApplication.class,
                "noodsteunpunt", brokers));
        topic = new TopicRecorder(brokers, Topics.BURGERHULP);
        timeline.upload(SCENARIO);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    /** A new exercise, paused at once when burgerhulp knows its NSPs (a few scenario minutes in). */
    protected String playAndPause() throws Exception {
        String id = timeline.play(SCENARIO, 60, PATIENCE, ex -> clocks.find(ex).isPresent()
                && nsps.all(ex).size() == 2);
        timeline.command("/api/exercises/" + id + "/pause", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> "PAUSED".equals(clocks.find(id).orElseThrow().state()));
        return id;
    }

    /** A new exercise, paused once Noodsteunpunt Heesch has opened by policy (T+1:30). */
    protected String playUntilNspOpenAndPause() throws Exception {
        String id = timeline.play(SCENARIO, 600, PATIENCE, ex -> clocks.find(ex).isPresent()
                && nsps.find(ex, "nsp-heesch").map(n -> n.state() == NspState.OPEN).orElse(false));
        timeline.command("/api/exercises/" + id + "/pause", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> "PAUSED".equals(clocks.find(id).orElseThrow().state()));
        return id;
    }

    /** The (paused) exercise's scenario time now. */
    protected long now(String exerciseId) {
        return clocks.find(exerciseId).orElseThrow().scenarioTimeAt(Instant.now());
    }

    /** Jumps the paused exercise {@code minutes} ahead and waits until the coordination model is there. */
    protected void jumpMinutes(String exerciseId, int minutes) throws Exception {
        long to = now(exerciseId) + 60L * minutes;
        timeline.command("/api/exercises/" + exerciseId + "/jump", "{\"toSeconds\":" + to + "}")
                .andExpect(status().isAccepted());
        awaitModel(exerciseId, m -> m.now >= to);
        await().atMost(PATIENCE).until(() -> now(exerciseId) >= to);
    }

    /** A volunteer registered by a coordinator, {@code kmNorth} of Noodsteunpunt Heesch, who answers in 5 minutes. */
    protected ResultActions register(String exerciseId, String volunteerId, double kmNorth, String... skills)
            throws Exception {
        String json = "{\"id\":\"" + volunteerId + "\",\"placeId\":\"heesch\",\"lat\":" + (NSP_LAT + kmNorth * KM)
                + ",\"lon\":" + NSP_LON + ",\"skills\":" + EventJson.mapper().writeValueAsString(List.of(skills))
                + ",\"responseMinutes\":5}";
        return send(exerciseId, "/volunteers", COORDINATOR, json);
    }

    /** Waits until the coordination model and the read model have {@code count} volunteers. */
    protected void awaitVolunteersInModel(String exerciseId, int count) {
        awaitModel(exerciseId, m -> m.volunteers.size() == count);
        await().atMost(PATIENCE).until(() -> volunteers.all(exerciseId).size() == count);
    }

    protected ResultActions send(String exerciseId, String path, String as, String json) throws Exception {
        return sendWith(exerciseId, path, token(as), json);
    }

    protected ResultActions sendWith(String exerciseId, String path, RequestPostProcessor auth, String json)
            throws Exception {
        return mvc.perform(post("/api/exercises/" + exerciseId + path).with(auth)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    protected ResultActions getAs(String path, String as) throws Exception {
        return mvc.perform(get(path).with(token(as)));
    }

    protected void awaitModel(String exerciseId, Predicate<CoordinationModel> condition) {
        await().atMost(PATIENCE).until(() -> models.model(exerciseId).filter(condition).isPresent());
    }

    protected RequestState decided(String exerciseId, String requestId) {
        return models.model(exerciseId).map(m -> m.requests.get(requestId)).orElse(null);
    }

    /** Waits until the read model's request satisfies {@code condition} and returns it. */
    protected HelpRequestView awaitRequest(String exerciseId, String requestId, Predicate<HelpRequestView> condition) {
        await().atMost(PATIENCE).until(() -> requests.find(exerciseId, requestId).filter(condition).isPresent());
        return requests.find(exerciseId, requestId).orElseThrow();
    }

    protected Optional<HelpRequestView> onlyRequest(String exerciseId) {
        List<HelpRequestView> all = requests.all(exerciseId, null);
        return all.size() == 1 ? Optional.of(all.getFirst()) : Optional.empty();
    }

    protected <T> List<T> events(String exerciseId, EventType type, Class<T> payloadType) {
        return topic.payloads(exerciseId, type, payloadType);
    }

    protected static JsonNode json(ResultActions result) throws Exception {
        return EventJson.mapper().readTree(result.andReturn().getResponse().getContentAsString());
    }
}
