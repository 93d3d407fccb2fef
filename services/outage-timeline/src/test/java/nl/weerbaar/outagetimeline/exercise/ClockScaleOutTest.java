package nl.weerbaar.outagetimeline.exercise;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.weerbaar.contracts.CeHeaders;
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

/**
 * Two instances of the service: Kafka's assignment of the exercise topic gives every exercise exactly one clock, the
 * two instances share the exercises between them, and when the instance driving an exercise goes away the other
 * takes its partition over and finishes the exercise — every timeline event on the record once, none lost. The
 * shared test context's engine steps aside meanwhile, so the two instances of this test are the only ones playing.
 */
@WeerbaarIntegrationTest
class ClockScaleOutTest extends TimelineTestSupport {

    @Autowired EngineScheduler sharedEngine;
    @Autowired KafkaListenerEndpointRegistry sharedListeners;
    @Autowired ClockOwnership sharedOwnership;

    @Test
    void eachExerciseHasOneClockAndTheOtherInstanceFinishesWhatAStoppedOneDrove() throws Exception {
        sharedEngine.stop();
        sharedListeners.getListenerContainer(ProjectionCatchUp.GROUP).stop();
        // one exercise on each of the topic's two partitions
        String onZero = idOnPartition(0);
        String onOne = idOnPartition(1);
        ConfigurableApplicationContext a = instance();
        ConfigurableApplicationContext b = instance();
        try {
            ClockOwnership ownsA = a.getBean(ClockOwnership.class);
            ClockOwnership ownsB = b.getBean(ClockOwnership.class);
            // Kafka shares the partitions out: each instance drives one of the two exercises, never both or none
            await().atMost(PATIENCE).until(() -> ownsA.drives(onZero) != ownsB.drives(onZero)
                    && ownsA.drives(onOne) != ownsB.drives(onOne) && ownsA.drives(onZero) != ownsA.drives(onOne));

            for (String id : List.of(onZero, onOne)) {
                CompanionServices.mvc(a).perform(post("/api/exercises").with(token(TRAINER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"scenarioId\":\"klein-testscenario\","
                                + "\"exerciseId\":\"" + id + "\",\"speed\":1000,\"autoStart\":true}"))
                        .andExpect(status().isAccepted());
            }
            // a trainer's command may reach either instance: the one not driving the clock forwards it to the one
            // that does, and answers with what that one decided — the event it published, or its refusal
            await().atMost(PATIENCE).until(() -> runs.find(onOne).map(r -> r.state() == ExerciseState.RUNNING)
                    .orElse(false));
            ConfigurableApplicationContext notDrivingOne = ownsA.drives(onOne) ? b : a;
            CompanionServices.mvc(notDrivingOne).perform(post("/api/exercises/" + onOne + "/pause").with(token(TRAINER)))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.type").value(EventType.EXERCISE_STATE_CHANGED.type()));
            assertThat(runs.find(onOne).orElseThrow().state()).isEqualTo(ExerciseState.PAUSED);
            CompanionServices.mvc(notDrivingOne).perform(post("/api/exercises/" + onOne + "/pause").with(token(TRAINER)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.code").value("exercise.transition"));
            CompanionServices.mvc(notDrivingOne).perform(post("/api/exercises/" + onOne + "/resume").with(token(TRAINER)))
                    .andExpect(status().isAccepted());
            assertThat(runs.find(onOne).orElseThrow().state()).isEqualTo(ExerciseState.RUNNING);

            // stop the instance driving the first exercise between its early injects and the 112 inject at T+1:30
            await().atMost(PATIENCE).until(() -> events(onZero, EventType.INJECT_FIRED).size() >= 3);
            ConfigurableApplicationContext driver = ownsA.drives(onZero) ? a : b;
            ConfigurableApplicationContext other = driver == a ? b : a;
            // operators can ask any instance where an exercise's clock runs
            CompanionServices.mvc(driver).perform(get("/api/exercises/" + onZero + "/clock").with(token(TRAINER)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.drivenHere").value(true));
            CompanionServices.mvc(other).perform(get("/api/exercises/" + onZero + "/clock").with(token(TRAINER)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.drivenHere").value(false))
                    .andExpect(jsonPath("$.partition").value(0));
            driver.close();
            await().atMost(PATIENCE).until(() -> other.getBean(ClockOwnership.class).drives(onZero));

            for (String id : List.of(onZero, onOne)) {
                await().atMost(PATIENCE).until(() -> runs.find(id).orElseThrow().state() == ExerciseState.FINISHED);
                List<RawRecord> all = awaitEnd(id);
                assertThat(all.stream().map(r -> r.headers().get(CeHeaders.ID)).toList()).as("event ids of " + id)
                        .doesNotHaveDuplicates();
                assertThat(events(id, EventType.INJECT_FIRED)).extracting(r -> payload(r).at("/inject/id").asText())
                        .containsExactly("stroomuitval", "verkeerslichten", "ziekenhuis-aggregaat",
                                "112-onbereikbaar", "ziekenhuis-bijgetankt", "herstel");
                assertThat(events(id, EventType.CLOCK_TICKED).stream().map(TimelineTestSupport::scenarioTime).toList())
                        .doesNotHaveDuplicates().isSorted().hasSize(6 * 3600 / 300 + 1); // T+0:00 up to and including T+6:00
                assertThat(events(id, EventType.POPULATION_DEMAND)).extracting(r -> payload(r).path("hour").asInt())
                        .containsExactly(0, 1, 2, 3, 4, 5);
                assertThat(all.stream().map(TimelineTestSupport::scenarioTime).toList())
                        .as(() -> "scenario times of " + id + " in topic order: " + all.stream()
                                .map(r -> r.type() + "@" + scenarioTime(r) + "#" + r.offset()).toList())
                        .isSorted();
            }
            // the taken-over exercise resumed where it was played up to; the other one never noticed
            assertThat(events(onZero, EventType.EXERCISE_STATE_CHANGED)).extracting(r -> payload(r).path("reason").asText())
                    .containsExactly("auto-start", "resumed-after-restart", "end");
            assertThat(events(onOne, EventType.EXERCISE_STATE_CHANGED)).extracting(r -> payload(r).path("reason").asText())
                    .containsExactly("auto-start", "pause", "resume", "end");
        } finally {
            a.close();
            b.close();
            sharedListeners.getListenerContainer(ProjectionCatchUp.GROUP).start();
            sharedEngine.start();
        }
    }

    private String idOnPartition(int partition) {
        List<String> tried = new ArrayList<>();
        while (true) {
            String id = "oef-scale-" + UUID.randomUUID().toString().substring(0, 8);
            if (sharedOwnership.partitionOf(id) == partition) {
                return id;
            }
            tried.add(id);
            assertThat(tried).as("ids tried for partition " + partition).hasSizeLessThan(100);
        }
    }
}
