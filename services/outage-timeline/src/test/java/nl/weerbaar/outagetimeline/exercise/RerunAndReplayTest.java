package nl.weerbaar.outagetimeline.exercise;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;

@WeerbaarIntegrationTest
class RerunAndReplayTest extends TimelineTestSupport {

    @Test
    void aRerunWithTheSameSeedProducesTheSameInjectsAndDemandAndAnotherSeedOtherDemand() throws Exception {
        String first = create("\"speed\":50000,\"autoStart\":true");
        awaitState(first, ExerciseState.FINISHED);
        String rerun = created(send("/api/exercises/" + first + "/rerun", "{\"autoStart\":true,\"speed\":20000}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        awaitState(rerun, ExerciseState.FINISHED);
        String otherSeed = create("\"speed\":50000,\"autoStart\":true,\"seed\":7");
        awaitState(otherSeed, ExerciseState.FINISHED);

        List<String> original = essence(awaitEnd(first));
        assertThat(original).anyMatch(e -> e.startsWith(EventType.INJECT_FIRED.type()))
                .anyMatch(e -> e.startsWith(EventType.POPULATION_DEMAND.type()))
                .anyMatch(e -> e.startsWith(EventType.VOLUNTEERS_AVAILABLE.type()));
        assertThat(essence(awaitEnd(rerun))).isEqualTo(original);
        List<String> other = essence(awaitEnd(otherSeed));
        assertThat(other).isNotEqualTo(original);
        assertThat(other.stream().filter(e -> e.startsWith(EventType.INJECT_FIRED.type())).toList())
                .isEqualTo(original.stream().filter(e -> e.startsWith(EventType.INJECT_FIRED.type())).toList());
        assertThat(awaitEnd(rerun)).allSatisfy(r -> assertThat(TopicRecorder.violations(r)).isEmpty());
        clockMarksKeepTheirPromise(awaitEnd(first));
    }

    /**
     * The running clock's watermarks: there are some, they only move forward, and what the clock wrote after a mark
     * at T is at T or later — everything before T came before it.
     */
    private static void clockMarksKeepTheirPromise(List<RawRecord> records) {
        long marked = -1;
        List<Long> marks = new java.util.ArrayList<>();
        for (RawRecord r : records) {
            if (r.type().equals(EventType.CLOCK_PROGRESS_MARKED.type())) {
                assertThat(scenarioTime(r)).as("marks move forward").isGreaterThan(marked);
                marked = scenarioTime(r);
                marks.add(marked);
            } else if (!r.type().equals(EventType.EXERCISE_STATE_CHANGED.type())) {
                assertThat(scenarioTime(r)).as(r.type() + " after the mark at " + marked)
                        .isGreaterThanOrEqualTo(marked);
            }
        }
        assertThat(marks).isNotEmpty();
    }

    @Test
    void aReplayRepublishesTheRecordingUnderANewIdInScenarioTimeOrder() throws Exception {
        String original = create("\"speed\":1,\"autoStart\":true");
        awaitState(original, ExerciseState.RUNNING);
        send("/api/exercises/" + original + "/replay", "{}").andExpect(status().isConflict());
        // a trainer's live inject is part of the recording too
        send("/api/exercises/" + original + "/injects", """
                {"id":"extra","offsetSeconds":3000,"sector":"telecom","effectNl":"Mast valt om","severity":"minor"}""")
                .andExpect(status().isAccepted());
        send("/api/exercises/" + original + "/jump", "{\"toSeconds\":21600}").andExpect(status().isAccepted());
        awaitState(original, ExerciseState.FINISHED);
        List<RawRecord> recorded = awaitEnd(original);

        String replay = created(send("/api/exercises/" + original + "/replay", "{\"speed\":50000,\"autoStart\":true}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        ExerciseRun run = awaitState(replay, ExerciseState.FINISHED);
        assertThat(run.replayOf()).isEqualTo(original);
        List<RawRecord> replayed = awaitEnd(replay);

        List<RawRecord> recordedContent = content(recorded);
        List<RawRecord> replayedContent = content(replayed);
        assertThat(essence(replayedContent)).isEqualTo(essence(recordedContent));
        assertThat(replayedContent).allSatisfy(r -> {
            assertThat(r.headers().get(CeHeaders.REPLAY_OF)).isEqualTo(original);
            assertThat(r.key()).isEqualTo(replay);
            assertThat(payload(r).path("exerciseId").asText()).isEqualTo(replay);
            assertThat(TopicRecorder.violations(r)).isEmpty();
        });
        // new ids, and the cause chain points into the replay
        Map<String, RawRecord> byId = replayedContent.stream()
                .collect(Collectors.toMap(r -> r.headers().get(CeHeaders.ID), Function.identity()));
        assertThat(byId.keySet()).doesNotContainAnyElementsOf(recordedContent.stream()
                .map(r -> r.headers().get(CeHeaders.ID)).toList());
        // a replay is a recording: its injects cannot be changed
        send("/api/exercises/" + replay + "/injects/extra/hold", "").andExpect(status().isConflict());

        String window = created(send("/api/exercises/" + original + "/replay",
                "{\"speed\":50000,\"autoStart\":true,\"fromSeconds\":3600,\"toSeconds\":7200}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        awaitState(window, ExerciseState.FINISHED);
        List<RawRecord> windowed = content(awaitEnd(window));
        assertThat(windowed).filteredOn(r -> !r.type().equals(EventType.SCENARIO_LOADED.type()))
                .allMatch(r -> scenarioTime(r) >= 3600 && scenarioTime(r) <= 7200)
                .extracting(r -> payload(r).at("/inject/id").asText(null))
                .contains("112-onbereikbaar", "ziekenhuis-bijgetankt").doesNotContain("stroomuitval");

        mvc.perform(get("/api/exercises/" + original).with(token(TRAINER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("FINISHED"))
                .andExpect(jsonPath("$.eventsByType.inject-fired").value(7));
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/api/exercises").with(token(TRAINER)))
                .andExpect(jsonPath("$[?(@.exerciseId == '" + replay + "')].replayOf").value(original)));

        // exported and imported (as on another installation): replayed from the import, the same content again
        byte[] export = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(
                mvc.perform(get("/api/exercises/" + original + "/export").param("format", "jsonl")
                        .with(token(TRAINER))).andReturn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String lines = new String(export, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(lines.lines().count()).isEqualTo(recordedContent.size() + 1L); // the header and every event
        String imported = created(mvc.perform(post("/api/exercises/import").param("speed", "50000")
                .param("autoStart", "true").with(token(TRAINER)).contentType("application/x-ndjson").content(export))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.importedFrom").value(original))
                .andReturn().getResponse().getContentAsString());
        assertThat(awaitState(imported, ExerciseState.FINISHED).replayOf()).startsWith("imp-");
        assertThat(essence(content(awaitEnd(imported)))).isEqualTo(essence(recordedContent));

        // a file with a wrong line is refused whole, naming the line; an unknown export format too
        String broken = lines.replaceFirst("\"severity\":\"minor\"", "\"severity\":\"tiny\"");
        mvc.perform(post("/api/exercises/import").with(token(TRAINER)).contentType("application/x-ndjson")
                        .content(broken)).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(
                        "Regel \\d+ van het bestand is geen gebeurtenis volgens de contracten: .*severity.*")));
        mvc.perform(get("/api/exercises/" + original + "/export").param("format", "xlsx").with(token(TRAINER)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail")
                        .value("Een export is er als 'zip' (JSON Lines en CSV) of 'jsonl', niet als 'xlsx'."));
    }

    /** The scenario content of a run: all but the exercise's own clock (its ticks and its watermarks). */
    private static List<RawRecord> content(List<RawRecord> records) {
        return records.stream().filter(r -> !r.type().equals(EventType.EXERCISE_CREATED.type())
                && !r.type().equals(EventType.EXERCISE_STATE_CHANGED.type())
                && !r.type().equals(EventType.CLOCK_TICKED.type())
                && !r.type().equals(EventType.CLOCK_PROGRESS_MARKED.type())).toList();
    }

    private static String created(String response) throws Exception {
        JsonNode body = EventJson.mapper().readTree(response);
        return body.path("exerciseId").asText();
    }
}
