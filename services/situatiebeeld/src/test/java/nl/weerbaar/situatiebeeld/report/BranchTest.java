package nl.weerbaar.situatiebeeld.report;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import nl.weerbaar.situatiebeeld.picture.ReviewPictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What if: the small scenario plays through all four services; the crisis team gives the hospital fuel priority
 * early and at T+2:00 tells Heesch to come to the NSP. A branch at T+2:00 inherits the fuel priority, waits there, and
 * its crisis team tells Heesch to stay home instead. Up to T+2:00 the two pictures are the same (every service's
 * state rebuilt from the record); after it they differ, and the branch's report sets them side by side.
 */
@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the browser tests' context
class BranchTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final long MOMENT = 7200;
    private static final long END = 5 * 3600;

    @Autowired MockMvc mvc;
    @Autowired ExerciseClocks clocks;
    @Autowired LivePictures pictures;
    @Autowired ReviewPictures review;
    @Autowired PictureLog log;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void aBranchAtTwoHoursWithOneOtherDecisionDiffersFromTheOriginalOnlyAfterTwoHours() throws Exception {
        TimelineDriver timeline = PictureEssence.fourServices(brokers);
        String original = timeline.play("klein-testscenario", 30, PATIENCE, ex -> clocks.find(ex).isPresent());
        timeline.command("/api/exercises/" + original + "/pause", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(original, p -> "PAUSED".equals(p.state)
                && p.providers.containsKey("ziekenhuis-bernhoven")));
        decide(original, "{\"kind\":\"fuel-priority\",\"providerId\":\"ziekenhuis-bernhoven\",\"reason\":\"Vroeg.\"}", 1);
        timeline.command("/api/exercises/" + original + "/jump", "{\"toSeconds\":" + MOMENT + "}")
                .andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(original, p -> p.clockSeconds >= MOMENT));
        decide(original, warning("come-to-nsp"), 2);
        finish(timeline, original);

        // refused: a moment the original has not played, or not after its start
        timeline.command("/api/exercises/" + original + "/branch", "{\"atSeconds\":" + (END + 60) + "}")
                .andExpect(status().isUnprocessableEntity());
        timeline.command("/api/exercises/" + original + "/branch", "{}").andExpect(status().isBadRequest());
        String branch = (String) EventJson.mapper().readValue(timeline.command("/api/exercises/" + original
                        + "/branch", "{\"atSeconds\":" + MOMENT + ",\"speed\":30}").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(), Map.class).get("exerciseId");
        // it catches up to its moment with the original's earlier decision, and waits there
        await().atMost(PATIENCE).until(() -> pictures.read(branch, p -> "PAUSED".equals(p.state)
                && p.clockSeconds == MOMENT && p.decisions.size() == 1));
        String branchedFrom = pictures.read(branch, p -> p.branchOf + " " + p.branchAtSeconds);
        assertThat(branchedFrom).isEqualTo(original + " " + MOMENT);
        PictureEssence.quiet(log, branch);
        decide(branch, warning("stay-home"), 2);
        finish(timeline, branch);

        Map<String, Object> originalBefore = PictureEssence.of(review.at(original, MOMENT - 1));
        Map<String, Object> branchBefore = PictureEssence.of(review.at(branch, MOMENT - 1));
        assertThat(branchBefore).isEqualTo(originalBefore);
        assertThat((Map<?, ?>) originalBefore.get("providers")).isNotEmpty();
        Map<String, Object> originalAfter = PictureEssence.of(review.at(original, END));
        Map<String, Object> branchAfter = PictureEssence.of(review.at(branch, END));
        assertThat(branchAfter.get("decisions")).isNotEqualTo(originalAfter.get("decisions"));
        // the warning's answer: Heesch's households stay home in the branch, come in the original
        assertThat(branchAfter.get("nsps")).isNotEqualTo(originalAfter.get("nsps"));
        assertThat(branchAfter.get("providers")).isEqualTo(originalAfter.get("providers")); // a warning moves no grid

        String report = mvc.perform(get("/api/exercises/" + branch + "/report").with(token(TRAINER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("tak van " + original + " vanaf T+2:00", "Vergelijking met " + original,
                "Besluiten vanaf T+2:00");
    }

    private static String warning(String advice) {
        return "{\"kind\":\"public-warning\",\"places\":[\"heesch\"],\"advice\":\"" + advice + "\",\"message\":"
                + "{\"nl\":\"Stroomstoring.\",\"en\":\"Power outage.\"},\"reason\":\"112 is weg.\"}";
    }

    private void decide(String exerciseId, String json, int decisions) throws Exception {
        mvc.perform(post("/api/exercises/" + exerciseId + "/decisions").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(exerciseId, p -> p.decisions.size() == decisions));
    }

    private void finish(TimelineDriver timeline, String exerciseId) throws Exception {
        timeline.command("/api/exercises/" + exerciseId + "/jump", "{\"toSeconds\":" + END + "}")
                .andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(exerciseId, p -> p.clockSeconds >= END));
        timeline.command("/api/exercises/" + exerciseId + "/stop", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(exerciseId, p -> "STOPPED".equals(p.state)));
        PictureEssence.quiet(log, exerciseId);
    }
}
