package nl.weerbaar.situatiebeeld.decide;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.OBSERVER;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.crisisteam.ExpectationEvaluated;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NoodsteunpuntApplication;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.situatiebeeld.picture.Expectations;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import nl.weerbaar.vitalstatus.VitalStatusApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The crisis team decides, and the simulation answers: with the small scenario paused at its start, the crisis team
 * gives the hospital fuel priority, opens Nistelrode's noodsteunpunt ahead of the policy and asks for five more
 * volunteers in Heesch. Outage-timeline takes all three onto the exercise topic at the paused moment; once the
 * exercise plays on, vital-status tops the hospital's generator up before it runs low (no backup-low alert),
 * noodsteunpunt opens the NSP at once and the volunteer pool brings the five an hour later. Bad decisions are
 * refused as problem+json and publish nothing.
 */
@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the browser tests' context
class DecisionsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String HOSPITAL = "ziekenhuis-bernhoven";

    @Autowired MockMvc mvc;
    @Autowired ExerciseClocks clocks;
    @Autowired LivePictures pictures;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    TimelineDriver timeline;
    TopicRecorder crisisTeam;
    TopicRecorder exercise;
    TopicRecorder vital;
    TopicRecorder nsp;

    @BeforeEach
    void startCompanions() {
        timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        crisisTeam = new TopicRecorder(brokers, Topics.CRISIS_TEAM);
        exercise = new TopicRecorder(brokers, Topics.EXERCISE);
        vital = new TopicRecorder(brokers, Topics.VITAL_STATUS);
        nsp = new TopicRecorder(brokers, Topics.NOODSTEUNPUNT);
    }

    @AfterEach
    void close() {
        List.of(crisisTeam, exercise, vital, nsp).forEach(TopicRecorder::close);
    }

    @Test
    void theCrisisTeamsDecisionsAreTakenAtTheClocksTimeAndTheSimulationsAnswerThem() throws Exception {
        String id = timeline.play("klein-testscenario", 30, PATIENCE, ex -> clocks.find(ex).isPresent());
        timeline.command("/api/exercises/" + id + "/pause", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(id, p -> "PAUSED".equals(p.state)
                && p.nsps.containsKey("nsp-nistelrode") && p.providers.containsKey(HOSPITAL)));
        long paused = clocks.find(id).orElseThrow().scenarioTimeAt(java.time.Instant.now());
        assertThat(paused).isLessThan(3600); // before the policy would open any NSP

        // refused, as problem+json, and nothing published
        decide(id, CRISIS_TEAM, "{\"kind\":\"evacuate\",\"reason\":\"x\"}").andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("geen besluit 'evacuate'")));
        decide(id, CRISIS_TEAM, "{\"kind\":\"open-nsp\",\"nspId\":\"nsp-nergens\",\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
        decide(id, CRISIS_TEAM, "{\"kind\":\"fuel-priority\",\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Een besluit 'fuel-priority' heeft providerId nodig."));
        decide(id, CRISIS_TEAM, "{\"kind\":\"close-nsp\",\"nspId\":\"nsp-heesch\",\"reason\":\"x\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Noodsteunpunt 'nsp-heesch' kan niet sluiten: het is nog niet "
                        + "open."));
        decide(id, CRISIS_TEAM, "{\"kind\":\"grip\",\"count\":2}").andExpect(status().isBadRequest());
        decide(id, TRAINER, "{\"kind\":\"grip\",\"count\":2,\"reason\":\"x\"}").andExpect(status().isForbidden());

        String priority = decisionId(decide(id, CRISIS_TEAM, "{\"kind\":\"fuel-priority\",\"providerId\":\""
                + HOSPITAL + "\",\"reason\":\"Het ziekenhuis mag niet zonder stroom komen.\"}")
                .andExpect(status().isAccepted()));
        String open = decisionId(decide(id, CRISIS_TEAM, "{\"kind\":\"open-nsp\",\"nspId\":\"nsp-nistelrode\","
                + "\"reason\":\"112 valt straks uit; Nistelrode heeft dan een plek nodig.\"}")
                .andExpect(status().isAccepted()));
        String appeal = decisionId(decide(id, CRISIS_TEAM, "{\"kind\":\"extra-volunteers\",\"count\":5,"
                + "\"places\":[\"heesch\"],\"reason\":\"Te weinig handen in Heesch.\"}").andExpect(status().isAccepted()));

        // outage-timeline takes them at the paused moment, caused by what the crisis team submitted
        List<TopicRecorder.RawRecord> taken = await().atMost(PATIENCE).until(() -> exercise.validRecords(id).stream()
                .filter(r -> r.type().equals(EventType.DECISION_TAKEN.type())).toList(), l -> l.size() == 3);
        // (the topic also carries the picture's verdicts: what the crisis team did is the rest)
        List<TopicRecorder.RawRecord> submitted = crisisTeam.validRecords(id).stream()
                .filter(r -> !r.type().equals(EventType.EXPECTATION_EVALUATED.type())).toList();
        assertThat(submitted).extracting(TopicRecorder.RawRecord::type) // the refused ones published nothing
                .containsOnly(EventType.DECISION_SUBMITTED.type()).hasSize(3);
        assertThat(taken).allSatisfy(r -> assertThat(r.headers().get(CeHeaders.SOURCE))
                .isEqualTo("/weerbaar/outage-timeline"));
        assertThat(taken).extracting(r -> r.headers().get(CeHeaders.CAUSATION_ID))
                .containsExactlyInAnyOrderElementsOf(submitted.stream().map(r -> r.headers().get(CeHeaders.ID))
                        .toList());
        List<Decision> decisions = taken.stream().map(r -> r.payload(Decision.class)).toList();
        assertThat(decisions).extracting(Decision::decisionId).containsExactlyInAnyOrder(priority, open, appeal);
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.by()).isEqualTo("crisis"); // the crisis-team token's principal
            assertThat(d.atSeconds()).isBetween(paused - 60, paused + 60);
        });
        long decidedAt = decisions.stream().filter(d -> d.decisionId().equals(open)).findFirst().orElseThrow()
                .atSeconds();

        // the exercise plays on: the NSP opens at once, the hospital is topped up before its generator runs low
        timeline.command("/api/exercises/" + id + "/jump", "{\"toSeconds\":7000}").andExpect(status().isAccepted());
        List<NspStateChanged> nistelrode = await().atMost(PATIENCE).until(() -> nsp.payloads(id,
                EventType.NSP_STATE_CHANGED, NspStateChanged.class).stream()
                .filter(s -> s.nspId().equals("nsp-nistelrode")).toList(), l -> l.size() >= 2);
        assertThat(nistelrode.getFirst()).satisfies(s -> {
            assertThat(s.state()).isEqualTo(NspState.OPENING);
            assertThat(s.trigger()).isEqualTo(NspStateChanged.BY_DECISION);
            assertThat(s.atSeconds()).isEqualTo(decidedAt);
        });
        assertThat(nistelrode.get(1).state()).isEqualTo(NspState.OPEN);
        // the appeal is answered in the next hour: five more volunteers, all of Heesch, on top of the pool's
        List<Volunteer> answered = await().atMost(PATIENCE).until(() -> exercise.payloads(id,
                EventType.VOLUNTEERS_AVAILABLE, VolunteersAvailable.class).stream().filter(v -> v.hour() == 1)
                .flatMap(v -> v.volunteers().stream()).filter(v -> v.id().contains("-x")).toList(), l -> !l.isEmpty());
        assertThat(answered).hasSize(5).allSatisfy(v -> assertThat(v.placeId()).isEqualTo("heesch"));
        ProviderStatusChanged refuelled = await().atMost(PATIENCE).until(() -> vital.payloads(id,
                EventType.PROVIDER_STATUS_CHANGED, ProviderStatusChanged.class).stream()
                .filter(s -> s.providerId().equals(HOSPITAL) && priority.equals(s.injectId())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        // on backup from T+0 (the grid) with 3 h: it would have had 2 h left at T+1:00
        assertThat(refuelled.atSeconds()).isEqualTo(3600L);
        assertThat(refuelled.causeChain().getLast().reason()).isEqualTo("refuelled");
        assertThat(vital.payloads(id, EventType.VITAL_ALERT_RAISED, VitalAlertRaised.class))
                .noneMatch(a -> a.providerId().equals(HOSPITAL) && a.kind().equals(VitalAlertRaised.BACKUP_LOW));

        // the picture has both on its time line, in words; priority twice is refused
        await().atMost(PATIENCE).until(() -> pictures.read(id, p -> p.decisions.size() == 3));
        JsonNode list = EventJson.mapper().readTree(mvc.perform(get("/api/exercises/" + id + "/decisions")
                .with(token(CRISIS_TEAM))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list).extracting(d -> d.path("text").path("nl").asText()).containsExactlyInAnyOrder(
                "Voorrang bij brandstof voor Ziekenhuis Bernhoven", "Noodsteunpunt Nistelrode openen",
                "5 extra burgerhulpverleners gevraagd in Heesch");
        assertThat(list).extracting(d -> d.path("kind").asText()).containsExactlyInAnyOrder(
                DecisionKind.FUEL_PRIORITY.wire(), DecisionKind.OPEN_NSP.wire(), DecisionKind.EXTRA_VOLUNTEERS.wire());
        decide(id, CRISIS_TEAM, "{\"kind\":\"fuel-priority\",\"providerId\":\"" + HOSPITAL + "\",\"reason\":\"x\"}")
                .andExpect(status().isConflict());

        // the scenario's objectives, evaluated from the streams: the priority was in time (its decision the evidence),
        // the public warning due half an hour after the first NSP opened never came
        Map<String, Expectations.View> verdicts = await().atMost(PATIENCE).until(() -> pictures.read(id,
                p -> p.getExpectations().stream().collect(java.util.stream.Collectors.toMap(Expectations.View::id,
                        v -> v))), v -> v.get("publieksbericht").verdict() == Expectations.Verdict.MISSED);
        assertThat(verdicts.get("brandstof-ziekenhuis")).satisfies(v -> {
            assertThat(v.verdict()).isEqualTo(Expectations.Verdict.MET);
            assertThat(v.startedAtSeconds()).isZero(); // the grid fails at T+0
            assertThat(v.evidenceAtSeconds()).isEqualTo(decisions.stream()
                    .filter(d -> d.decisionId().equals(priority)).findFirst().orElseThrow().atSeconds());
            assertThat(v.evidenceEventId()).isEqualTo(taken.stream().filter(r -> r.payload(Decision.class)
                    .decisionId().equals(priority)).findFirst().orElseThrow().headers().get(CeHeaders.ID));
        });
        assertThat(verdicts.get("publieksbericht").startedAtSeconds()).isEqualTo(nistelrode.get(1).atSeconds());
        // the same verdicts on the crisis-team topic, each once, decided by situatiebeeld's stream processor
        List<ExpectationEvaluated> onTopic = await().atMost(PATIENCE).until(() -> crisisTeam.payloads(id,
                EventType.EXPECTATION_EVALUATED, ExpectationEvaluated.class), l -> l.stream().anyMatch(v ->
                v.objectiveId().equals("publieksbericht") && v.verdict().equals("missed")));
        assertThat(onTopic).filteredOn(v -> v.objectiveId().equals("brandstof-ziekenhuis"))
                .extracting(ExpectationEvaluated::verdict).containsExactly("pending", "met");
        assertThat(onTopic).filteredOn(v -> v.objectiveId().equals("brandstof-ziekenhuis")).last()
                .satisfies(v -> assertThat(v.evidenceEventId()).isEqualTo(verdicts.get("brandstof-ziekenhuis")
                        .evidenceEventId()));

        // the hospital's question (a role player's message at T+0:20) is in the inbox; the crisis team answers it,
        // once, late: the objective says so, with the answer as evidence
        String question = "ziekenhuis-vraagt-brandstof";
        await().atMost(PATIENCE).until(() -> pictures.read(id, p -> p.message(question).isPresent()));
        String answers = "/api/exercises/" + id + "/messages/" + question + "/answer";
        mvc.perform(post(answers).with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/exercises/" + id + "/messages/nergens/answer").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post(answers).with(token(CRISIS_TEAM)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"U heeft voorrang.\"}")).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> pictures.read(id, p -> p.message(question).orElseThrow().answer() != null));
        mvc.perform(post(answers).with(token(CRISIS_TEAM)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Nogmaals.\"}")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Het bericht van Ziekenhuis Bernhoven is al beantwoord, door crisis."));
        Expectations.View reply = pictures.read(id, p -> p.getExpectations().stream()
                .filter(v -> v.id().equals("antwoord-ziekenhuis")).findFirst().orElseThrow());
        assertThat(reply.verdict()).isEqualTo(Expectations.Verdict.MET_LATE);
        assertThat(reply.startedAtSeconds()).isEqualTo(1200L);
        assertThat(reply.evidenceAtSeconds()).isGreaterThan(3000L);
        // a trainer plays the mayor, now: the message reaches the inbox at the clock's time; its id is used once
        String mayor = "{\"id\":\"burgemeester-1\",\"from\":\"Burgemeester van Bernheze\",\"textNl\":\"Hoe staat "
                + "het met de noodsteunpunten?\",\"textEn\":\"How are the support points doing?\"}";
        timeline.command("/api/exercises/" + id + "/messages", mayor).andExpect(status().isAccepted());
        timeline.command("/api/exercises/" + id + "/messages", mayor).andExpect(status().isConflict());
        timeline.command("/api/exercises/" + id + "/messages", "{\"from\":\"X\",\"providerId\":\"nergens\","
                + "\"textNl\":\"x\"}").andExpect(status().isUnprocessableEntity());
        await().atMost(PATIENCE).until(() -> pictures.read(id, p -> p.message("burgemeester-1").isPresent()));
        long mayorAt = pictures.read(id, p -> p.message("burgemeester-1").orElseThrow().atSeconds());
        assertThat(mayorAt).isGreaterThanOrEqualTo(7000L);
        mvc.perform(get("/api/exercises/" + id + "/messages").with(token(OBSERVER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].from").value("Ziekenhuis Bernhoven"))
                .andExpect(jsonPath("$[0].answer").value("U heeft voorrang."));

        // a trainer sets an objective while the exercise runs: judged on what happened before it too (Nistelrode
        // opened at the decision's time, within the hour after the grid failed); checked like the scenario's own
        String objectives = "/api/exercises/" + id + "/objectives";
        timeline.command(objectives, "{\"id\":\"nistelrode-open\",\"text\":{\"nl\":\"Nistelrode heeft een open "
                + "noodsteunpunt binnen een uur na de stroomuitval.\"},\"after\":{\"event\":\"provider-down\","
                + "\"role\":\"grid\"},\"expect\":{\"nspOpen\":\"any\",\"placeId\":\"nistelrode\"},"
                + "\"withinMinutes\":60}").andExpect(status().isAccepted());
        timeline.command(objectives, "{\"id\":\"nistelrode-open\",\"text\":{\"nl\":\"x\"},\"after\":{\"event\":"
                + "\"start\"},\"expect\":{\"decision\":\"grip\"},\"withinMinutes\":60}").andExpect(status().isConflict());
        timeline.command(objectives, "{\"id\":\"publieksbericht\",\"text\":{\"nl\":\"x\"},\"after\":{\"event\":"
                + "\"start\"},\"expect\":{\"decision\":\"grip\"},\"withinMinutes\":60}").andExpect(status().isConflict());
        timeline.command(objectives, "{\"id\":\"x1\",\"text\":{\"nl\":\"x\"},\"after\":{\"event\":\"start\"},"
                + "\"expect\":{\"nspOpen\":\"any\",\"placeId\":\"nergens\"},\"withinMinutes\":60}")
                .andExpect(status().isUnprocessableEntity());
        timeline.command(objectives, "{\"id\":\"x2\",\"after\":{\"event\":\"blackout\"},\"withinMinutes\":60}")
                .andExpect(status().isUnprocessableEntity());
        Expectations.View live = await().atMost(PATIENCE).until(() -> pictures.read(id, p -> p.getExpectations()
                .stream().filter(v -> v.id().equals("nistelrode-open")).findFirst().orElse(null)),
                java.util.Objects::nonNull);
        assertThat(live.verdict()).isEqualTo(Expectations.Verdict.MET);
        assertThat(live.startedAtSeconds()).isZero();
        assertThat(live.evidenceAtSeconds()).isEqualTo(nistelrode.get(1).atSeconds()); // its opening

        // an observer notes the priority with a score; refused: a moment not yet played, an unknown objective, the
        // wrong roles. The crisis team does not see the notes, not even in its feed
        String observations = "/api/exercises/" + id + "/observations";
        mvc.perform(post(observations).with(token(OBSERVER)).contentType(MediaType.APPLICATION_JSON).content(
                "{\"text\":\"Voorrang op tijd, na een belletje met het ziekenhuis.\",\"score\":4,"
                        + "\"objectiveId\":\"brandstof-ziekenhuis\",\"atSeconds\":" + paused + "}"))
                .andExpect(status().isAccepted());
        mvc.perform(post(observations).with(token(OBSERVER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"Later.\",\"atSeconds\":250000}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.startsWith("Een waarneming gaat over een moment dat al gespeeld is")));
        mvc.perform(post(observations).with(token(OBSERVER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\",\"objectiveId\":\"nergens\"}")).andExpect(status().isNotFound());
        mvc.perform(post(observations).with(token(OBSERVER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\",\"score\":6}")).andExpect(status().isBadRequest());
        mvc.perform(post(observations).with(token(CRISIS_TEAM)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"x\"}")).andExpect(status().isForbidden());
        decide(id, OBSERVER, "{\"kind\":\"grip\",\"count\":2,\"reason\":\"x\"}").andExpect(status().isForbidden());
        await().atMost(PATIENCE).until(() -> pictures.read(id, p -> p.observations.size() == 1));
        mvc.perform(get(observations).with(token(TRAINER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].score").value(4)).andExpect(jsonPath("$[0].by").value("waarnemer"));
        mvc.perform(get(observations).with(token(CRISIS_TEAM))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/api/exercises/" + id + "/feed").with(token(CRISIS_TEAM))).andReturn()
                .getResponse().getContentAsString()).contains("decision-taken").doesNotContain("observation");

        // the after-action report says the same, as a PDF: the verdicts, the evidence's time, the decisions
        byte[] pdf = mvc.perform(get("/api/exercises/" + id + "/report").param("format", "pdf").with(token(TRAINER)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        String report;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            report = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        long priorityAt = verdicts.get("brandstof-ziekenhuis").evidenceAtSeconds();
        assertThat(report).contains("Evaluatieverslag")
                .contains("Het ziekenhuis krijgt voorrang bij brandstof binnen een uur na de stroomuitval. gehaald "
                        + "vanaf T+0:00, uiterlijk T+1:00 " + nl.weerbaar.contracts.ScenarioTime.format(priorityAt))
                .contains("Een publieksbericht binnen een half uur nadat het eerste noodsteunpunt open is. niet "
                        + "gehaald")
                .contains("besluit Voorrang bij brandstof voor Ziekenhuis Bernhoven – Het ziekenhuis mag niet zonder "
                        + "stroom komen. (crisis)")
                .contains("Noodsteunpunt Nistelrode")
                .contains("Waarnemingen").contains("waarnemer 4 / 5");
        mvc.perform(get("/api/exercises/" + id + "/report").param("lang", "en").with(token(CRISIS_TEAM)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("A public warning within half an "
                        + "hour after the first support point opens.</td><td class=\"verdict missed\">missed")));
        mvc.perform(get("/api/exercises/" + id + "/report").param("format", "docx").with(token(TRAINER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Een verslag is er als 'html' of 'pdf', niet als 'docx'."));
        mvc.perform(get("/api/exercises/nergens/report").with(token(TRAINER))).andExpect(status().isNotFound());

        // every alert so far as CAP 1.2 in the exercise's Atom feed, each valid against the schema, as an exercise
        String atom = mvc.perform(get("/api/exercises/" + id + "/cap").with(token(CRISIS_TEAM)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<org.w3c.dom.Element> alerts = nl.weerbaar.situatiebeeld.cap.CapSchema.validateFeed(atom);
        int raised = pictures.read(id, p -> p.alerts.size());
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(raised).isNotEmpty();
        assertThat(alerts).allSatisfy(a -> assertThat(a.getElementsByTagName("status").item(0).getTextContent())
                .isEqualTo("Exercise"));
        String first = alerts.getLast().getElementsByTagName("identifier").item(0).getTextContent();
        String one = mvc.perform(get("/api/exercises/" + id + "/cap/" + first).with(token(CRISIS_TEAM)))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("application/cap+xml"))
                .andReturn().getResponse().getContentAsString();
        nl.weerbaar.situatiebeeld.cap.CapSchema.validate(one);
        mvc.perform(get("/api/exercises/" + id + "/cap/weerbaar.x.alert-0").with(token(CRISIS_TEAM)))
                .andExpect(status().isNotFound());
    }

    private ResultActions decide(String exerciseId, String token, String json) throws Exception {
        return mvc.perform(post("/api/exercises/" + exerciseId + "/decisions").with(token(token))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String decisionId(ResultActions answer) throws Exception {
        Map<?, ?> body = EventJson.mapper().readValue(answer.andReturn().getResponse().getContentAsString(),
                Map.class);
        return (String) body.get("decisionId");
    }
}
