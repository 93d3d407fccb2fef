package nl.weerbaar.situatiebeeld.page;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_PASSWORD;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_USER;
import static nl.weerbaar.kit.test.TestAuth.OBSERVER;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import nl.weerbaar.burgerhulp.BurgerhulpApplication;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NoodsteunpuntApplication;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.vitalstatus.VitalStatusApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The live picture in a real headless browser, against the five real services in this JVM (one broker): while the
 * small test scenario plays, the page's clock advances, a provider goes down, an NSP fills and help requests appear,
 * all pushed over the stream; for a finished exercise the review slider shows the picture as it was earlier.
 */
@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LivePictureBrowserTest {

    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(120);

    @LocalServerPort int port;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    @Autowired ExerciseClocks clocks;
    @Autowired PictureLog log;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    TimelineDriver timeline;

    @BeforeEach
    void startServices() {
        assumeTrue(Browser.installed(), "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        CompanionServices.start(BurgerhulpApplication.class, "burgerhulp", brokers);
    }

    @Test
    void thePagePushesTheExerciseAsItHappens() throws Exception {
        String id = timeline.play("klein-testscenario", 240, PATIENCE, ex -> clocks.find(ex).isPresent());
        try (Browser browser = Browser.open(port)) {
            browser.signInAndWatch(id, CRISIS_USER, CRISIS_PASSWORD);
            browser.until(d -> !browser.text("clock").equals("T+--:--"));
            String first = browser.text("clock");
            assertThat(browser.text("live")).isEqualTo("live");
            // the scenario's own moment and weather: a June morning at 18 °C
            assertThat(browser.text("local")).contains("15 jun").endsWith("18 °C");
            // 112 fails by inject at T+1:30, long after the page was opened: the row changes on the page
            String down = "#providers tr[data-provider='alarmnummer-112'][data-state='down']";
            browser.until(d -> browser.count(down) == 1);
            assertThat(browser.textOf(down)).contains("uit");
            // its alert is open and, being the worst kind, on top of the list
            browser.until(d -> browser.attributes("#alerts li", "data-kind").getFirst()
                    .equals("emergency-number-down"));
            assertThat(browser.attributes("#alerts li", "data-severity").getFirst()).isEqualTo("extreme");
            // the crisis team takes it on: "Gezien", and the picture says who
            String alert112 = "#alerts li[data-kind='emergency-number-down']";
            browser.click(alert112 + " button.ack");
            browser.until(d -> browser.count(alert112 + "[data-acknowledged='" + CRISIS_USER + "']") == 1);
            assertThat(browser.textOf(alert112)).contains("gezien door " + CRISIS_USER);
            assertThat(browser.count(alert112 + " button.ack")).isZero();
            String alertId = browser.attributes("#alerts li button.ack", "data-alert").stream().findFirst()
                    .orElse("alert-0");
            acknowledgementRules(id, browser.attributes(alert112, "data-id").getFirst(), alertId);
            assertThat(browser.text("clock")).isNotEqualTo(first);
            decideOnThePage(browser);
            answerOnThePage(browser);
            observeOnThePage(id, browser);
            // the noodsteunpunten open by policy and the population comes in; first aid is asked of burgerhulp
            browser.until(d -> browser.attributes("#nsp-list tr[data-nsp]", "data-occupancy").stream()
                    .anyMatch(o -> Integer.parseInt(o) > 0));
            browser.until(d -> browser.count("#requests tr[data-request]") > 0);
            assertThat(browser.count("#matrix td.lit")).isPositive();
            // the map: tiles from the configured source, both places dark, both NSPs coloured by their state
            browser.until(d -> d.findElement(By.id("map")).isDisplayed());
            assertThat(browser.count("#plan:not([hidden])")).isZero();
            browser.until(d -> browser.count("#map [data-place][data-state='dark']") == 2);
            browser.until(d -> browser.count("#map [data-nsp][data-state='open']") == 2);
            browser.until(d -> !browser.attributes("#map", "data-tiles").getFirst().isEmpty());
            assertThat(TestTiles.SERVED.get()).isPositive();
            assertThat(browser.count("#feed li")).isPositive();
            assertThat(browser.text("band")).isIn("0–2 uur", "2–4 uur", "4–24 uur");

            // English on request, same picture
            browser.click("#lang");
            browser.until(d -> browser.text("band").endsWith(" h"));
            assertThat(browser.textOf("#providers tr[data-provider='alarmnummer-112']")).contains("down");
        } finally {
            // 409: on a busy machine the exercise (6 h at 240×) may have finished by itself
            timeline.command("/api/exercises/" + id + "/stop", null).andExpect(result -> assertThat(
                    result.getResponse().getStatus()).isIn(202, 409));
        }
    }

    @Test
    void theReviewSliderOfAFinishedExerciseShowsTheEarlierPicture() throws Exception {
        String id = timeline.play("klein-testscenario", 20000, PATIENCE, ex -> clocks.find(ex).isPresent());
        // finished, and the restoration at T+5:00 has come through vital-status
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> clocks.find(id).orElseThrow().isOver()
                && log.all(id).stream().anyMatch(e -> e.type().equals("provider-status-changed")
                && e.payload().contains("\"alarmnummer-112\"") && e.payload().contains("\"restored\"")));
        try (Browser browser = Browser.open(port)) {
            browser.signInAndWatch(id, CRISIS_USER, CRISIS_PASSWORD);
            browser.until(d -> d.findElement(By.id("review")).isDisplayed());
            browser.until(d -> browser.count("#providers tr[data-provider='alarmnummer-112'][data-state='restored']")
                    == 1);
            assertThat(browser.text("clock")).isEqualTo("T+06:00");
            // power back at T+5:00: 112's alert has ended, and the places are lit on the map again
            browser.until(d -> browser.count("#resolved-alerts li[data-kind='emergency-number-down']") == 1);
            assertThat(browser.count("#alerts li[data-kind='emergency-number-down']")).isZero();
            browser.until(d -> browser.count("#map [data-place][data-state='lit']") == 2);
            assertThat(browser.count("#map [data-no-phones]")).isZero();

            browser.slideTo(2 * 3600);
            browser.until(d -> browser.text("clock").equals("T+02:00"));
            browser.until(d -> browser.count("#providers tr[data-provider='alarmnummer-112'][data-state='down']")
                    == 1);
            assertThat(browser.count("#matrix tr[data-sector='netbeheer'] td.lit")).isEqualTo(1);
            browser.until(d -> browser.count("#map [data-place][data-state='dark']") == 2);
            // the masts' batteries (1–1.5 h) are empty: no phones in either place, a dotted ring on each
            browser.until(d -> browser.count("#map [data-no-phones]") == 2);
            assertThat(browser.text("help-summary")).contains("Telefoon werkt niet");

            browser.slideTo(20 * 60);
            browser.until(d -> browser.text("clock").equals("T+00:20"));
            browser.until(d -> browser.count("#providers tr[data-provider='alarmnummer-112'][data-state='normal']")
                    == 1);

            // jump to the next alert: the clock goes to it and the alert is the newest on the list
            browser.click("#next-alert");
            browser.until(d -> !browser.text("clock").equals("T+00:20"));
            String alertTime = browser.text("clock");
            browser.until(d -> browser.texts("#alerts li").stream().anyMatch(a -> a.startsWith(alertTime)));
            browser.screenshot(Path.of("target", "screenshots", "review-at-first-alert.png"));
        }
    }

    /**
     * The crisis team decides on the page: fuel priority for the hospital, with its reason; the decision comes on
     * the time line in words once outage-timeline has taken it, and the objective that asked for it shows its
     * verdict. The same again is refused, in the service's words.
     */
    private static void decideOnThePage(Browser browser) {
        browser.choose("#decision-kind", "fuel-priority");
        browser.choose("#decision-subject", "ziekenhuis-bernhoven");
        browser.type("#decision-reason", "Het ziekenhuis mag niet zonder stroom komen.");
        browser.click("#decide button[type='submit']");
        browser.until(d -> browser.count("#decisions li[data-kind='fuel-priority']") == 1);
        assertThat(browser.textOf("#decisions li[data-kind='fuel-priority']"))
                .contains("Voorrang bij brandstof voor Ziekenhuis Bernhoven")
                .contains("Het ziekenhuis mag niet zonder stroom komen. (door " + CRISIS_USER + ")");
        // the objective asked for it within an hour of the power failing; it came after 112 failed (T+1:30)
        String priority = "#expectations li[data-expectation='brandstof-ziekenhuis']";
        browser.until(d -> browser.count(priority + "[data-verdict='met-late']") == 1);
        assertThat(browser.textOf(priority)).startsWith("te laat gehaald · Het ziekenhuis krijgt voorrang")
                .contains("vanaf T+00:00, uiterlijk T+01:00");
        browser.type("#decision-reason", "Nog een keer.");
        browser.click("#decide button[type='submit']");
        browser.until(d -> browser.text("decision-error").contains("heeft al voorrang bij brandstof"));
    }

    /**
     * An observer watches the same exercise with a token and notes, on the page, a score for the fuel objective; the
     * note is listed for the observer, while the crisis team's page has no observers' section at all.
     */
    private void observeOnThePage(String exerciseId, Browser crisisTeam) {
        assertThat(crisisTeam.count("#observing:not([hidden])")).isZero();
        try (Browser observer = Browser.open(port)) {
            observer.signInWithTokenAndWatch(exerciseId, OBSERVER);
            observer.until(d -> observer.count("#observing:not([hidden])") == 1
                    && observer.count("#observation-objective option[value='brandstof-ziekenhuis']") == 1);
            observer.choose("#observation-objective", "brandstof-ziekenhuis");
            observer.choose("#observation-score", "4");
            observer.type("#observation-text", "Snel besloten, goed onderbouwd.");
            observer.click("#observe button[type='submit']");
            observer.until(d -> observer.count("#observations li[data-observation]") == 1);
            assertThat(observer.textOf("#observations li[data-observation]"))
                    .contains("waarnemer · 4/5 · brandstof-ziekenhuis: Snel besloten, goed onderbouwd.");
        }
    }

    /** The hospital's question (a role player's message) is in the inbox; the crisis team answers it on the page. */
    private static void answerOnThePage(Browser browser) {
        String question = "#inbox li[data-message='ziekenhuis-vraagt-brandstof']";
        browser.until(d -> browser.count(question) == 1);
        assertThat(browser.textOf(question)).startsWith("T+00:20 · Ziekenhuis Bernhoven: Onze noodstroom houdt het");
        browser.type(question + " input", "U krijgt voorrang; de leverancier komt vandaag.");
        browser.click(question + " button");
        browser.until(d -> browser.textOf(question).contains("beantwoord door " + CRISIS_USER));
        assertThat(browser.textOf(question)).contains("U krijgt voorrang; de leverancier komt vandaag.");
        assertThat(browser.count(question + " input")).isZero();
    }

    /** Once only, by the crisis team only, and only alerts that are on the picture; refused as problem+json. */
    private void acknowledgementRules(String exerciseId, String acknowledged, String other) throws Exception {
        String path = "/api/exercises/" + exerciseId + "/alerts/%s/acknowledgement";
        mvc.perform(post(path.formatted(acknowledged)).with(token(CRISIS_TEAM)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("al gezien, door "
                        + CRISIS_USER)));
        mvc.perform(post(path.formatted("alert-999999")).with(token(CRISIS_TEAM)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("alert-999999")));
        mvc.perform(post(path.formatted(other)).with(token(TRAINER))).andExpect(status().isForbidden());
    }

    @Test
    void withoutTilesThePageShowsThePlan() throws Exception {
        String id = timeline.play("klein-testscenario", 240, PATIENCE, ex -> clocks.find(ex).isPresent());
        TestTiles.AVAILABLE.set(false);
        try (Browser browser = Browser.open(port)) {
            browser.signInAndWatch(id, CRISIS_USER, CRISIS_PASSWORD);
            browser.until(d -> d.findElement(By.id("plan")).isDisplayed());
            assertThat(browser.count("#map:not([hidden])")).isZero();
            assertThat(browser.text("map-legend")).contains("achtergrondkaart is niet bereikbaar");
            browser.until(d -> browser.count("#plan [data-place]") == 2);
            browser.until(d -> browser.count("#plan [data-place].place-dark") == 2);
        } finally {
            TestTiles.AVAILABLE.set(true);
            timeline.command("/api/exercises/" + id + "/stop", null); // 409 once it has finished by itself
        }
    }
}
