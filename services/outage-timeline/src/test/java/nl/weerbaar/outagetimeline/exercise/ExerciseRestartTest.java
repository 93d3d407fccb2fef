package nl.weerbaar.outagetimeline.exercise;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service is stopped while an exercise runs and started again: the exercise resumes where it was, and every
 * inject is on the record exactly once, in order. The shared test context's engine steps aside meanwhile, so the
 * two service instances of this test are the only ones playing.
 */
@WeerbaarIntegrationTest
class ExerciseRestartTest extends TimelineTestSupport {

    @Autowired EngineScheduler sharedEngine;
    @Autowired KafkaListenerEndpointRegistry sharedListeners;

    @Test
    void aRunningExerciseResumesAfterARestartWithNoInjectLostOrFiredTwice() throws Exception {
        sharedEngine.stop();
        sharedListeners.getListenerContainer(ProjectionCatchUp.GROUP).stop();
        String id = "oef-restart-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            try (ConfigurableApplicationContext first = instance()) {
                mvc(first).perform(post("/api/exercises").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenarioId\":\"klein-testscenario\",\"exerciseId\":\"" + id
                                + "\",\"speed\":1000,\"autoStart\":true}")).andExpect(status().isAccepted());
                // stop between the early injects and the 112 inject at T+1:30
                await().atMost(PATIENCE).until(() -> events(id, EventType.INJECT_FIRED).size() >= 3);
            }
            long stoppedAt = runs.find(id).orElseThrow().positionSeconds();
            assertThat(stoppedAt).isLessThan(21600);
            try (ConfigurableApplicationContext second = instance()) {
                await().atMost(PATIENCE).until(() -> runs.find(id).orElseThrow().state() == ExerciseState.FINISHED);
                List<RawRecord> all = awaitEnd(id);
                List<String> fired = events(id, EventType.INJECT_FIRED).stream()
                        .map(r -> payload(r).at("/inject/id").asText()).toList();
                assertThat(fired).containsExactly("stroomuitval", "verkeerslichten", "ziekenhuis-aggregaat",
                        "112-onbereikbaar", "ziekenhuis-bijgetankt", "herstel");
                assertThat(events(id, EventType.EXERCISE_STATE_CHANGED)).extracting(r -> payload(r).path("reason").asText())
                        .containsExactly("auto-start", "resumed-after-restart", "end");
                assertThat(events(id, EventType.CLOCK_TICKED).stream().map(TimelineTestSupport::scenarioTime).toList())
                        .doesNotHaveDuplicates().isSorted();
                assertThat(events(id, EventType.POPULATION_DEMAND)).extracting(r -> payload(r).path("hour").asInt())
                        .containsExactly(0, 1, 2, 3, 4, 5);
                assertThat(all.stream().map(TimelineTestSupport::scenarioTime).toList()).isSorted();
            }
        } finally {
            sharedListeners.getListenerContainer(ProjectionCatchUp.GROUP).start();
            sharedEngine.start();
        }
    }

    private static MockMvc mvc(ConfigurableApplicationContext context) {
        return CompanionServices.mvc(context);
    }
}
