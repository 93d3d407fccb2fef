package nl.weerbaar.situatiebeeld.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.Inject;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Objective;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The after-action report of a small recorded exercise, without a broker: the grid fails at T+0, the masts run on
 * batteries and fail at T+4 (a chain of two), the grid returns at T+10; one NSP opens, serves three households, turns
 * one away; the crisis team gives fuel priority at T+0:40 (in time) and never warns the public (missed).
 */
class ReportTest {

    private static final String EXERCISE = "ex-report";
    private static final long H = 3600;

    @Test
    void theFactsFollowTheRecordInScenarioTime() throws Exception {
        ReportFacts facts = ReportFold.facts(EXERCISE, record().stream());

        assertThat(facts.outages).extracting(o -> o.providerId, o -> o.fromSeconds, o -> o.untilSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("grid", 0L, 10 * H),
                        org.assertj.core.groups.Tuple.tuple("masts", 4 * H, 11 * H));
        assertThat(facts.outages.get(1).propagationSeconds()).isEqualTo(4 * H);
        assertThat(facts.checkIns).containsEntry("nsp-a", 3);
        assertThat(facts.peakOccupancy).containsEntry("nsp-a", 6); // people: three households of two
        assertThat(facts.unservedByPlace).containsEntry("a", 1);
        assertThat(facts.samples).hasSize(13); // T+0 … T+12
        assertThat(facts.samples.get(5).occupancy()).isEqualTo(6); // all three present between T+2 and T+6
        assertThat(facts.samples.get(7).occupancy()).isEqualTo(2);
        assertThat(facts.samples.get(5).providersByState()).containsEntry("down", 2);
        assertThat(facts.samples.get(12).providersByState()).containsEntry("normal", 2).containsEntry("restored", 1); // the hospital never failed
    }

    @Test
    void theReportIsOneWellFormedDocumentAndItsPdfSaysTheVerdicts() throws Exception {
        ReportFacts facts = ReportFold.facts(EXERCISE, record().stream());
        String html = ReportPage.html(facts, false);
        DocumentBuilderFactory.newInstance().newDocumentBuilder() // well-formed: the PDF renderer reads it as XML
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

        String text = pdfText(ReportPdf.render(html));
        assertThat(text).contains("Evaluatieverslag – Testoefening")
                .contains("Verwachtingen gehaald 1 / 2 (1 te laat of niet)")
                .contains("Het ziekenhuis krijgt voorrang gehaald")
                .contains("Een publieksbericht binnen een half uur niet gehaald")
                .contains("T+0:00 inject · Energie Het net valt uit")
                .contains("T+0:40") // the decision's time, the priority's evidence
                .contains("T+0:00 besluit Voorrang bij brandstof voor Ziekenhuis".replace("T+0:00", "T+0:40"))
                .contains("Zendmasten uitgevallen T+4:00")
                .contains("Stroomnet uitgevallen T+0:00 › Zendmasten op noodstroom T+0:00 › Zendmasten uitgevallen "
                        + "T+4:00 (4:00 u na de oorzaak)")
                .contains("Noodsteunpunt A 100 3 6 open")
                // the notes by the scenario time they are about, and per objective the average score
                .contains("T+0:40 trainer 2 / 5 Het ziekenhuis krijgt voorrang Het besluit kwam na overleg")
                .contains("T+0:45 waarnemer 4 / 5 Het ziekenhuis krijgt voorrang Voorrang op tijd")
                .contains("Gemiddelde score per doel Het ziekenhuis krijgt voorrang 3.0 uit 2");
        String english = pdfText(ReportPdf.render(ReportPage.html(facts, true)));
        assertThat(english).contains("After-action report").contains("The hospital gets fuel priority met")
                .contains("A public warning within half an hour missed");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<LogEntry> record() throws JsonProcessingException {
        List<LogEntry> out = new ArrayList<>();
        List<Objective> objectives = List.of(
                new Objective("prio", Text.of("Het ziekenhuis krijgt voorrang", "The hospital gets fuel priority"),
                        new Objective.After("provider-down", "grid", null),
                        new Objective.Expect("fuel-priority", "hospital", null, null, null, null, null), 60),
                new Objective("warn", Text.of("Een publieksbericht binnen een half uur",
                        "A public warning within half an hour"), new Objective.After("nsp-open", null, null),
                        new Objective.Expect("public-warning", null, null, null, null, null, null), 30));
        add(out, 0, EventType.SCENARIO_LOADED, new ScenarioLoaded(EXERCISE, "test", Text.of("Testoefening", "Test"),
                "Bernheze", 1, 12 * H, List.of(new Sector("energie", Text.of("Energie", "Energy"))),
                List.of(provider("grid", "Stroomnet", "grid"), provider("masts", "Zendmasten", "telecom"),
                        provider("hospital", "Ziekenhuis", null)),
                List.of(new Place("a", "Aa", 51.6, 5.4, 4000, 1600, "5384", 1)),
                List.of(new NspSite("nsp-a", "Noodsteunpunt A", "local", "a", "centre", 51.6, 5.4, 100,
                        List.of("water"), "gemeente")), List.of(), null, null, null, null, objectives));
        add(out, 0, EventType.INJECT_FIRED, new InjectFired(EXERCISE, new Inject("i-1", 0, "energie", "grid", "0-2h",
                Text.of("Het net valt uit", "The grid fails"), "extreme", null), "scenario", "schedule"));
        CauseStep gridDown = new CauseStep("grid", ProviderState.DOWN, 0, "inject", "i-1");
        CauseStep mastsBackup = new CauseStep("masts", ProviderState.ON_BACKUP, 0, "dependency-down", null);
        add(out, 0, EventType.PROVIDER_STATUS_CHANGED, status("grid", ProviderState.DOWN, 0, List.of(gridDown)));
        add(out, 0, EventType.PROVIDER_STATUS_CHANGED, status("masts", ProviderState.ON_BACKUP, 0,
                List.of(gridDown, mastsBackup)));
        add(out, 2400, EventType.DECISION_TAKEN, new Decision(EXERCISE, "d-1", DecisionKind.FUEL_PRIORITY, null,
                "hospital", null, null, null, null, null, null, "nodig", "crisis", 2400));
        add(out, 2700, EventType.OBSERVATION_RECORDED, new nl.weerbaar.contracts.crisisteam.Observation(EXERCISE,
                "w-1", 2700, "Voorrang op tijd, goed onderbouwd.", 4, "prio", "waarnemer"));
        add(out, 3000, EventType.OBSERVATION_RECORDED, new nl.weerbaar.contracts.crisisteam.Observation(EXERCISE,
                "w-2", 2400, "Het besluit kwam na overleg met het ziekenhuis.", 2, "prio", "trainer"));
        add(out, 2 * H, EventType.NSP_STATE_CHANGED, new NspStateChanged(EXERCISE, "nsp-a", NspState.OPEN,
                NspState.PLANNED, "policy", "policy", null, null, 2 * H));
        for (int i = 0; i < 3; i++) {
            add(out, 2 * H + i * 60, EventType.CITIZEN_CHECKED_IN, new CitizenCheckedIn(EXERCISE, "nsp-a", "ci-" + i,
                    2, List.of("water"), false, null, null, "population", "h-" + i, null, null, 2 * H + i * 60));
        }
        add(out, 3 * H, EventType.HOUSEHOLD_UNSERVED, new HouseholdUnserved(EXERCISE, "a", "h-9", 1,
                List.of("water"), HouseholdUnserved.ALL_FULL, 3 * H));
        add(out, 4 * H, EventType.PROVIDER_STATUS_CHANGED, status("masts", ProviderState.DOWN, 4 * H,
                List.of(gridDown, mastsBackup, new CauseStep("masts", ProviderState.DOWN, 4 * H, "backup-exhausted",
                        null))));
        for (int i = 0; i < 2; i++) {
            add(out, 6 * H + i * 60, EventType.CITIZEN_CHECKED_OUT, new CitizenCheckedOut(EXERCISE, "nsp-a",
                    "ci-" + i, 2, "left", "population", null, 6 * H + i * 60));
        }
        add(out, 10 * H, EventType.PROVIDER_STATUS_CHANGED, status("grid", ProviderState.RESTORED, 10 * H, List.of()));
        add(out, 11 * H, EventType.PROVIDER_STATUS_CHANGED, status("masts", ProviderState.NORMAL, 11 * H, List.of()));
        add(out, 12 * H, EventType.CLOCK_TICKED, new ClockTicked(EXERCISE, 12 * H, 60, null));
        List<LogEntry> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            LogEntry e = out.get(i);
            numbered.add(new LogEntry("e-" + i, EXERCISE, i + 1, e.topic(), e.type(), null, e.atSeconds(),
                    e.payload()));
        }
        return numbered;
    }

    private static Provider provider(String id, String name, String role) {
        return new Provider(id, name, "energie", List.of("a"), List.of(), List.of(), List.of(), null, false, null, role);
    }

    private static ProviderStatusChanged status(String id, ProviderState state, long at, List<CauseStep> chain) {
        return new ProviderStatusChanged(EXERCISE, id, "energie", state, null, null, List.of("a"), null, List.of(),
                null, null, StatusSource.SIMULATION, null, Text.of("oorzaak", "cause"), chain, null, at);
    }

    private static void add(List<LogEntry> out, long at, EventType type, Object payload)
            throws JsonProcessingException {
        out.add(new LogEntry(null, EXERCISE, 0, type.topic(), type.shortName(), null, at,
                EventJson.mapper().writeValueAsString(payload)));
    }
}
