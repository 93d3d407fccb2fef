package nl.weerbaar.situatiebeeld.report;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An exercise exported and imported as if on another installation replays to the same picture: the small scenario
 * plays through all four services to T+3:00 with a decision of the crisis team, is stopped and exported (zip of JSON
 * Lines and CSV); the import keeps the recording under an id of its own, so the replay reads it from the import, not
 * from Kafka, and the picture it builds has the same providers, NSPs, help, alerts, decisions and verdicts.
 */
@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the browser tests' context
class ExportImportTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Autowired MockMvc mvc;
    @Autowired ExerciseClocks clocks;
    @Autowired LivePictures pictures;
    @Autowired PictureLog log;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void anExportImportedElsewhereReplaysToTheSamePicture() throws Exception {
        TimelineDriver timeline = PictureEssence.fourServices(brokers);
        String original = timeline.play("klein-testscenario", 30, PATIENCE, ex -> clocks.find(ex).isPresent());
        timeline.command("/api/exercises/" + original + "/pause", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(original, p -> "PAUSED".equals(p.state)
                && p.nsps.containsKey("nsp-nistelrode")));
        mvc.perform(post("/api/exercises/" + original + "/decisions").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"open-nsp\",\"nspId\":\"nsp-nistelrode\","
                        + "\"reason\":\"Vroeg open.\"}")).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(original, p -> p.decisions.size() == 1));
        timeline.command("/api/exercises/" + original + "/jump", "{\"toSeconds\":10800}")
                .andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(original, p -> p.clockSeconds >= 10800));
        timeline.command("/api/exercises/" + original + "/stop", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(original, p -> "STOPPED".equals(p.state)));
        PictureEssence.quiet(log, original);

        MockMvc trainer = timeline.mvc();
        MvcResult started = trainer.perform(get("/api/exercises/" + original + "/export").with(token(TRAINER)))
                .andReturn();
        byte[] zip = trainer.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(zip.length).isGreaterThan(1000);

        // a file that is not an export is refused and creates nothing
        trainer.perform(post("/api/exercises/import").with(token(TRAINER)).contentType("application/x-ndjson")
                        .content("{\"format\":\"weerbaar-recording/1\",\"exerciseId\":\"x\",\"scenarioId\":\"s\","
                                + "\"events\":1}\n{\"type\":\"nl.weerbaar.nsp.state-changed.v1\",\"payload\":{}}\n"))
                .andExpect(status().isUnprocessableEntity()) // its text: RerunAndReplayTest (one messages file here)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        Map<?, ?> imported = EventJson.mapper().readValue(trainer.perform(post("/api/exercises/import")
                        .param("speed", "3600").param("autoStart", "true").with(token(TRAINER))
                        .contentType("application/zip").content(zip)).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(), Map.class);
        String replay = (String) imported.get("exerciseId");
        assertThat(imported.get("importedFrom")).isEqualTo(original);
        assertThat((String) imported.get("importId")).startsWith("imp-");
        await().atMost(PATIENCE).until(() -> pictures.read(replay, p -> "FINISHED".equals(p.state)));
        PictureEssence.quiet(log, replay);

        String replayOf = pictures.read(replay, p -> p.replayOf);
        assertThat(replayOf).isEqualTo(imported.get("importId"));
        Map<String, Object> before = pictures.read(original, PictureEssence::of);
        Map<String, Object> after = pictures.read(replay, PictureEssence::of);
        assertThat(after).isEqualTo(before);
        assertThat((Map<?, ?>) before.get("nsps")).isNotEmpty();
        assertThat((List<?>) before.get("decisions")).hasSize(1);
        assertThat((List<?>) before.get("alerts")).isNotEmpty();
    }

}
