package nl.weerbaar.outagetimeline.exercise;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

@WeerbaarIntegrationTest
class ExerciseClockTest extends TimelineTestSupport {

    @Test
    void theClockFollowsItsStateMachineAndRefusesIllegalTransitionsWith409() throws Exception {
        String id = create("\"speed\":1");
        command(id, "pause").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Kan niet pause: oefening '" + id + "' is CREATED."));
        command(id, "resume").andExpect(status().isConflict());
        send("/api/exercises/" + id + "/jump", "{\"toSeconds\":3600}").andExpect(status().isConflict());
        mvc.perform(post("/api/exercises/" + id + "/start").with(token(CRISIS_TEAM))).andExpect(status().isForbidden());

        command(id, "start").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.type").value(EventType.EXERCISE_STATE_CHANGED.type()));
        command(id, "start").andExpect(status().isConflict());
        mvc.perform(put("/api/exercises/" + id + "/speed").with(token(nl.weerbaar.kit.test.TestAuth.TRAINER))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"speed\":-3}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("speed"));

        command(id, "pause").andExpect(status().isAccepted());
        ExerciseRun paused = awaitState(id, ExerciseState.PAUSED);
        // paused means paused: the scenario time stays where it is
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> runs.find(id).orElseThrow().scenarioTimeAt(java.time.Instant.now()) == paused.positionSeconds());

        send("/api/exercises/" + id + "/jump", "{\"toSeconds\":0}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("replay")));
        send("/api/exercises/" + id + "/jump", "{\"toSeconds\":99999}").andExpect(status().isUnprocessableEntity());

        command(id, "resume").andExpect(status().isAccepted());
        command(id, "stop").andExpect(status().isAccepted());
        awaitState(id, ExerciseState.STOPPED);
        for (String late : List.of("start", "pause", "resume", "stop")) {
            command(id, late).andExpect(status().isConflict());
        }
        List<String> reasons = await().atMost(PATIENCE).until(() -> events(id, EventType.EXERCISE_STATE_CHANGED)
                .stream().map(r -> payload(r).path("reason").asText()).toList(), r -> r.size() == 4);
        assertThat(reasons).containsExactly("start", "pause", "resume", "stop");
        assertThat(events(id)).allSatisfy(r -> assertThat(TopicRecorder.violations(r)).isEmpty());
    }

    @Test
    void speedChangesWhileRunningAndTicksCarryTheNewSpeedAtAFixedScenarioInterval() throws Exception {
        String id = create("\"speed\":600,\"autoStart\":true");
        awaitState(id, ExerciseState.RUNNING);
        await().atMost(PATIENCE).until(() -> !events(id, EventType.CLOCK_TICKED).isEmpty());
        mvc.perform(put("/api/exercises/" + id + "/speed").with(token(nl.weerbaar.kit.test.TestAuth.TRAINER))
                .contentType(MediaType.APPLICATION_JSON).content("{\"speed\":6000}")).andExpect(status().isAccepted());
        awaitState(id, ExerciseState.FINISHED);
        awaitEnd(id);
        List<RawRecord> ticks = events(id, EventType.CLOCK_TICKED);
        assertThat(ticks).allSatisfy(t -> assertThat(scenarioTime(t) % 300).isZero());
        assertThat(ticks.stream().map(TimelineTestSupport::scenarioTime).toList())
                .isSorted().doesNotHaveDuplicates().contains(21600L);
        assertThat(payload(ticks.getFirst()).path("speed").asDouble()).isEqualTo(600);
        assertThat(payload(ticks.getLast()).path("speed").asDouble()).isEqualTo(6000);
        // scenario time on the record never goes back
        assertThat(events(id).stream().map(TimelineTestSupport::scenarioTime).toList()).isSorted();
    }

    @Test
    void aJumpForwardFiresTheSkippedInjectsInOrderOrMarksThemSkipped() throws Exception {
        String id = create("\"speed\":1,\"autoStart\":true");
        awaitState(id, ExerciseState.RUNNING);
        send("/api/exercises/" + id + "/jump", "{\"toSeconds\":7200}").andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> events(id, EventType.INJECT_FIRED).size() == 5);
        List<RawRecord> fired = events(id, EventType.INJECT_FIRED);
        assertThat(fired).extracting(r -> payload(r).at("/inject/id").asText())
                .containsExactly("stroomuitval", "verkeerslichten", "ziekenhuis-aggregaat", "112-onbereikbaar",
                        "ziekenhuis-bijgetankt");
        assertThat(fired.subList(1, 5)).allMatch(r -> payload(r).path("trigger").asText().equals("jump"));
        assertThat(fired.stream().map(TimelineTestSupport::scenarioTime).toList()).containsExactly(0L, 300L, 300L,
                5400L, 7200L);
        assertThat(events(id, EventType.POPULATION_DEMAND)).extracting(r -> payload(r).path("hour").asInt())
                .containsExactly(0, 1, 2);
        assertThat(runs.find(id).orElseThrow().positionSeconds()).isGreaterThanOrEqualTo(7200);

        send("/api/exercises/" + id + "/jump", "{\"toSeconds\":20000,\"skipInjects\":true}")
                .andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> events(id, EventType.INJECT_PLAN_CHANGED).size() == 1);
        assertThat(payload(events(id, EventType.INJECT_PLAN_CHANGED).getFirst()).path("change").asText())
                .isEqualTo("skipped");
        assertThat(plan.find(id, "herstel").orElseThrow().status()).isEqualTo(PlannedInject.Status.SKIPPED);
        assertThat(events(id, EventType.INJECT_FIRED)).hasSize(5);
        command(id, "stop").andExpect(status().isAccepted());
        // event time is scenario time: every record is stamped with one epoch plus its scenario time, so the jumped
        // injects carry timestamps two hours apart although they were written within a second
        assertThat(events(id)).extracting(RawRecord::epochMillis).containsOnly(events(id).getFirst().epochMillis());
        assertThat(fired.getLast().timestamp() - fired.getFirst().timestamp()).isEqualTo(7_200_000L);
    }

    @Test
    void aStartInTheMiddleFirstEstablishesTheEarlierInjects() throws Exception {
        String id = create("\"speed\":1,\"startOffsetSeconds\":7200,\"autoStart\":true");
        awaitState(id, ExerciseState.RUNNING);
        List<RawRecord> all = await().atMost(PATIENCE).until(() -> events(id),
                r -> r.stream().filter(x -> x.type().equals(EventType.EXERCISE_STATE_CHANGED.type())).count() == 1);
        List<RawRecord> fired = events(id, EventType.INJECT_FIRED);
        assertThat(fired).hasSize(5).allMatch(r -> payload(r).path("trigger").asText().equals("catch-up")
                || scenarioTime(r) == 7200);
        int started = all.indexOf(events(id, EventType.EXERCISE_STATE_CHANGED).getFirst());
        assertThat(all.indexOf(fired.get(3))).isLessThan(started);
        assertThat(events(id, EventType.POPULATION_DEMAND)).noneMatch(r -> payload(r).path("hour").asInt() < 2);
        command(id, "stop").andExpect(status().isAccepted());
    }
}
