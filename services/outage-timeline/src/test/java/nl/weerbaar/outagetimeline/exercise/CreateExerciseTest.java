package nl.weerbaar.outagetimeline.exercise;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

@WeerbaarIntegrationTest
class CreateExerciseTest extends TimelineTestSupport {

    @Autowired ExerciseClocks exercises;

    @Test
    void aTrainerCreatesAnExerciseThatIsPublishedValidAndReadBack() throws Exception {
        String id = "oef-" + UUID.randomUUID();
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id + "\",\"speed\":600}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.exerciseId").value(id))
                .andExpect(jsonPath("$.eventId").isNotEmpty());

        var record = await().atMost(Duration.ofSeconds(30)).until(() -> topic.records().stream()
                .filter(r -> id.equals(r.key())).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(record.type()).isEqualTo(EventType.EXERCISE_CREATED.type());
        assertThat(TopicRecorder.violations(record)).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(exercises.find(id)).isPresent();
            var clock = exercises.find(id).get();
            assertThat(clock.state()).isEqualTo("CREATED");
            assertThat(clock.speed()).isEqualTo(600);
            assertThat(clock.status()).isEqualTo("Exercise");
        });

        // the same id again is a conflict, and publishes nothing
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Oefening '" + id + "' bestaat al; kies een ander id of laat het weg."));
        assertThat(topic.records()).filteredOn(r -> id.equals(r.key()) && EventType.EXERCISE_CREATED.type().equals(r.type()))
                .hasSize(1);
    }

    @Test
    void badRequestsAreRefusedAndPublishNothing() throws Exception {
        String id = "oef-bad-" + UUID.randomUUID();
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"atlantis\",\"exerciseId\":\"" + id + "\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Scenario 'atlantis' bestaat niet."));
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id + "\",\"speed\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("speed"));
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id
                                + "\",\"startOffsetSeconds\":21600}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/exercises").with(token(CRISIS_TEAM)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/exercises").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id + "\"}"))
                .andExpect(status().isUnauthorized());

        String marker = "oef-marker-" + UUID.randomUUID();
        mvc.perform(post("/api/exercises").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + marker + "\"}"))
                .andExpect(status().isAccepted());
        await().until(() -> topic.records().stream().anyMatch(r -> marker.equals(r.key())));
        assertThat(topic.records()).noneMatch(r -> id.equals(r.key()));
    }
}
