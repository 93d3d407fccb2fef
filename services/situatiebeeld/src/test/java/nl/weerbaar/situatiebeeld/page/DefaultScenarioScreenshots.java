package nl.weerbaar.situatiebeeld.page;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_PASSWORD;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.burgerhulp.BurgerhulpApplication;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NoodsteunpuntApplication;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.vitalstatus.VitalStatusApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The screenshots in docs/: the default scenario at T+1 h, T+6 h and T+48 h and the Meierijstad winter scenario at
 * T+1 h, T+21 h and T+35 h as the crisis team sees them, with the picture's size at each. Runs only
 * when asked, with the folder to write to:
 * {@code ./mvnw -o test -pl services/situatiebeeld -Dtest=DefaultScenarioScreenshots -Dweerbaar.screenshots=$PWD/docs/screenshots}.
 */
@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DefaultScenarioScreenshots {

    @LocalServerPort int port;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    @Autowired ExerciseClocks clocks;
    @Autowired PictureLog log;
    @Autowired nl.weerbaar.situatiebeeld.picture.LivePictures pictures;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void theBuiltInScenariosAsTheCrisisTeamSeesThem() throws Exception {
        String folder = System.getProperty("weerbaar.screenshots");
        assumeTrue(folder != null && Browser.installed(), "only with -Dweerbaar.screenshots=<folder> and chromium");
        TimelineDriver timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        CompanionServices.start(BurgerhulpApplication.class, "burgerhulp", brokers);
        screenshots(timeline, folder, "bernheze-stroomuitval", "situatiebeeld", 1, 6, 48);
        // the winter scenario: dark and cold at 18:30, a care home's generator broken at T+20, the south lit at T+35
        screenshots(timeline, folder, "meierijstad-winterstoring", "meierijstad", 1, 21, 35);
    }

    /** The crisis team at T+1: fuel priority for the hospital, a warning to Heesch and Nistelrode, an answer. */
    private void decide(String exerciseId) throws Exception {
        for (String body : java.util.List.of("{\"kind\":\"fuel-priority\",\"providerId\":\"ziekenhuis-bernhoven\","
                + "\"reason\":\"Het ziekenhuis mag niet zonder stroom komen.\"}", "{\"kind\":\"public-warning\","
                + "\"places\":[\"heesch\",\"nistelrode\"],\"advice\":\"come-to-nsp\",\"message\":{\"nl\":\"Stroomstoring. "
                + "Water, warmte of hulp nodig? Ga naar het noodsteunpunt in uw kern.\",\"en\":\"Power outage. Need water, "
                + "warmth or help? Go to the support point in your village.\"},\"reason\":\"112 is onbereikbaar.\"}")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/exercises/"
                    + exerciseId + "/decisions").with(nl.weerbaar.kit.test.TestAuth.token(
                    nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM)).contentType("application/json").content(body))
                    .andExpect(status().isAccepted());
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> pictures.read(exerciseId, p -> p.decisions.size() == 2));
        // and answers the hospital's question of T+0:20, late
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/exercises/"
                + exerciseId + "/messages/ziekenhuis-vraagt-brandstof/answer").with(nl.weerbaar.kit.test.TestAuth.token(
                nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM)).contentType("application/json")
                .content("{\"text\":\"U krijgt voorrang; de leverancier komt vandaag nog.\"}"))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofMinutes(2)).until(() -> pictures.read(exerciseId,
                p -> p.message("ziekenhuis-vraagt-brandstof").orElseThrow().answer() != null));
    }

    /** The after-action report up to now: its PDF's first pages as images for docs/, its size and time printed. */
    private void report(String exerciseId, String folder) throws Exception {
        long started = System.nanoTime();
        byte[] pdf = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                "/api/exercises/" + exerciseId + "/report").param("format", "pdf").with(
                nl.weerbaar.kit.test.TestAuth.token(nl.weerbaar.kit.test.TestAuth.TRAINER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            System.out.printf("report of %s: %d pages, %d KB of PDF in %d ms%n", exerciseId,
                    document.getNumberOfPages(), pdf.length / 1024, (System.nanoTime() - started) / 1_000_000);
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int page = 0; page < Math.min(2, document.getNumberOfPages()); page++) {
                Path file = Path.of(folder, "verslag-T+48h-p" + (page + 1) + ".png");
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(page, 90), "png", file.toFile());
                assertThat(file).exists();
            }
        }
    }

    private void screenshots(TimelineDriver timeline, String folder, String scenario, String prefix, int... hours)
            throws Exception {
        String id = timeline.play(scenario, 1, Duration.ofSeconds(90), ex -> clocks.find(ex).isPresent());
        timeline.command("/api/exercises/" + id + "/pause", null).andExpect(status().isAccepted());
        try (Browser browser = Browser.open(port)) {
            browser.signInAndWatch(id, CRISIS_USER, CRISIS_PASSWORD);
            for (int hour : hours) {
                timeline.command("/api/exercises/" + id + "/jump", "{\"toSeconds\":" + hour * 3600 + "}")
                        .andExpect(status().isAccepted());
                String clock = String.format("T+%02d:00", hour);
                browser.until(d -> browser.text("clock").equals(clock));
                // the services downstream have worked through the jump when nothing new comes in for a while
                AtomicInteger seen = new AtomicInteger(-1);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(3))
                        .until(() -> {
                            int now = log.all(id).size();
                            return seen.getAndSet(now) == now;
                        });
                browser.until(d -> browser.count("#providers tr[data-provider]") > 0);
                Path file = Path.of(folder, prefix + "-T+" + String.format("%02d", hour) + "h.png");
                browser.screenshot(file);
                assertThat(file).exists();
                // what the page receives at that moment: the picture stays small whatever happened before
                String json = pictures.currentJson(id);
                System.out.printf("picture size %s %s: %d bytes of JSON%n", scenario, clock,
                        json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                java.nio.file.Files.createDirectories(Path.of("target", "pictures"));
                java.nio.file.Files.writeString(Path.of("target", "pictures", prefix + "-" + hour + "h.json"), json);
                if (scenario.equals("bernheze-stroomuitval") && hour == 1) {
                    decide(id); // the later screenshots show decisions and the objectives' verdicts
                }
                if (scenario.equals("bernheze-stroomuitval") && hour == 6) {
                    // the lower half: alerts, decisions with the objectives' verdicts, the form
                    browser.until(d -> browser.count("#decisions li[data-decision]") == 2);
                    browser.scrollTo("#alerts");
                    browser.screenshot(Path.of(folder, prefix + "-besluiten-T+06h.png"));
                    browser.scrollTo("header");
                }
                if (scenario.equals("bernheze-stroomuitval") && hour == hours[hours.length - 1]) {
                    report(id, folder);
                }
            }
        } finally {
            timeline.command("/api/exercises/" + id + "/stop", null);
        }
    }
}
