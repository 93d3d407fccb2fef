package nl.weerbaar.noodsteunpunt.checkin;

import static nl.weerbaar.kit.test.TestAuth.COORDINATOR;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.NSP_HEESCH;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.OccupancyThresholdCrossed;
import nl.weerbaar.contracts.noodsteunpunt.ResupplyRequested;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.privacy.PersonalData;
import nl.weerbaar.kit.test.Traces;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NspTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The desk of a noodsteunpunt: operators check households in and out at their own NSP; refused check-ins publish
 * nothing; occupancy, thresholds, a full NSP pointing to the nearest one with room, help requests, stock, purge.
 * The test scenario has no population model, so every check-in is one the test made.
 */
@WeerbaarIntegrationTest
class CheckInTest extends NspTestSupport {

    @Autowired PersonalData personalData;
    @Autowired MongoClient mongoClient;
    @Autowired EventPublisher publisher;

    private static final String FAMILY = "{\"householdSize\":3,\"needs\":[\"water\",\"first-aid\"],"
            + "\"lessSelfReliant\":true,\"postcode\":\"5384\",\"note\":\"snijwond aan de hand\"}";

    /** An exercise whose Heesch and Nistelrode NSPs opened by policy after the power failed, paused there. */
    private String openedAndPaused() throws Exception {
        String id = play("nsp-balie-test", 600);
        awaitState(id, "nsp-heesch", NspState.OPEN);
        awaitState(id, "nsp-nistelrode", NspState.OPEN);
        timelineCommand("/api/exercises/" + id + "/pause", null).andExpect(status().isAccepted());
        // until this service has seen the pause, it stamps a check-in with the time the clock would have reached,
        // past the pause; the simulation then rightly holds it until the exercise runs again
        await().atMost(PATIENCE).until(() -> clocks.find(id).map(c -> "PAUSED".equals(c.state())).orElse(false));
        return id;
    }

    @Test
    void refusedCheckInsAreAnsweredWithAProblemAndPublishNothing() throws Exception {
        String id = openedAndPaused();
        checkIn(id, "nsp-nistelrode", token(NSP_HEESCH), FAMILY).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        checkIn(id, "nsp-heesch", token(COORDINATOR), FAMILY).andExpect(status().isForbidden());
        checkIn(id, "nsp-heesch", request -> request, FAMILY).andExpect(status().isUnauthorized());
        checkIn(id, "nsp-loosbroek", token(CRISIS_TEAM), FAMILY).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Noodsteunpunt 'nsp-loosbroek' is planned: inschrijven kan pas "
                        + "als het open is."));
        checkIn(id, "nsp-bestaat-niet", token(CRISIS_TEAM), FAMILY).andExpect(status().isNotFound());
        checkIn("oef-bestaat-niet", "nsp-heesch", token(NSP_HEESCH), FAMILY).andExpect(status().isNotFound());
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), "{\"householdSize\":0,\"needs\":[\"water\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("householdSize"));
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), "{\"householdSize\":2,\"needs\":[\"pizza\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("needs[0]"));
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), "{\"householdSize\":2,\"needs\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("needs"));
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), "{\"householdSize\":2,\"needs\":[\"water\"],"
                + "\"postcode\":\"5384 AB\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postcode"));
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/check-ins/ci-onbekend/check-out")
                .with(token(NSP_HEESCH))).andExpect(status().isNotFound());

        // one good check-in after all the refused ones: it is the only one on the record
        String checkInId = json(checkIn(id, "nsp-heesch", token(NSP_HEESCH), FAMILY)
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .path("checkInId").asText();
        await().atMost(PATIENCE).until(() -> events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class).size()
                == 1);
        CitizenCheckedIn in = events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class).getFirst();
        assertThat(in.checkInId()).isEqualTo(checkInId);
        assertThat(in.by()).isEqualTo("nsp-heesch");
        assertThat(PersonalData.isSealed(in.postcode())).as("an operator's postcode travels sealed").isTrue();
        assertThat(personalData.open(in.postcode())).contains("5384");
        assertThat(personalData.open(in.note())).contains("snijwond aan de hand");
    }

    @Test
    void aCheckInRetriedWithTheSameIdempotencyKeyIsCheckedInOnce() throws Exception {
        String id = openedAndPaused();
        String first = keyed(id, "nsp-heesch", CRISIS_TEAM, "balie-1-0001", FAMILY)
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        // the desk's tablet timed out and sends it again: the same answer, nothing new published
        keyed(id, "nsp-heesch", CRISIS_TEAM, "balie-1-0001", FAMILY).andExpect(status().isAccepted())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Idempotent-Replayed", "true"))
                .andExpect(content().json(first, true));
        // the same key for another household is a mistake, not a retry; a key must be printable and short
        keyed(id, "nsp-heesch", CRISIS_TEAM, "balie-1-0001", "{\"householdSize\":1,\"needs\":[\"water\"]}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("idempotency-key.reused"));
        keyed(id, "nsp-heesch", CRISIS_TEAM, "x".repeat(256), FAMILY).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("idempotency-key.invalid"));
        // a refused check-in keeps nothing under its key: sent again it is refused again, not replayed
        keyed(id, "nsp-loosbroek", CRISIS_TEAM, "balie-2-0001", FAMILY).andExpect(status().isConflict());
        keyed(id, "nsp-loosbroek", CRISIS_TEAM, "balie-2-0001", FAMILY).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("nsp.not-open"));
        // another caller's key is theirs alone
        keyed(id, "nsp-heesch", NSP_HEESCH, "balie-1-0001", "{\"householdSize\":1,\"needs\":[\"water\"]}")
                .andExpect(status().isAccepted());

        String checkInId = json(first).path("checkInId").asText();
        await().atMost(PATIENCE).until(() -> events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class).size()
                == 2);
        assertThat(events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class))
                .extracting(CitizenCheckedIn::householdSize).containsExactly(3, 1);
        assertThat(events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class).getFirst().checkInId())
                .isEqualTo(checkInId);
        await().atMost(PATIENCE).until(() -> nsp(id, "nsp-heesch").path("occupancy").asInt() == 4);
    }

    private ResultActions keyed(String id, String nspId, String token, String key, String body) throws Exception {
        return mvc.perform(post("/api/exercises/" + id + "/nsps/" + nspId + "/check-ins").with(token(token))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void occupancyFollowsCheckInsAndOutsAndNeedsThatNeedAPersonBecomeHelpRequests() throws Exception {
        String id = openedAndPaused();
        String checkInId = json(checkIn(id, "nsp-heesch", token(NSP_HEESCH), FAMILY)
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .path("checkInId").asText();
        await().atMost(PATIENCE).until(() -> nsp(id, "nsp-heesch").path("occupancy").asInt() == 3);
        JsonNode heesch = nsp(id, "nsp-heesch");
        assertThat(heesch.path("needs").path("first-aid").asInt()).isEqualTo(3);
        assertThat(heesch.path("arrivalsLastHour").asInt()).isEqualTo(1);

        await().atMost(PATIENCE).until(() -> !events(id, EventType.HELP_REQUESTED, HelpRequested.class).isEmpty());
        HelpRequested help = events(id, EventType.HELP_REQUESTED, HelpRequested.class).getFirst();
        assertThat(help.need()).isEqualTo("first-aid");
        assertThat(help.urgency()).isEqualTo("immediate");
        assertThat(help.deadlineSeconds() - help.atSeconds()).isEqualTo(30 * 60);
        assertThat(help.nspId()).isEqualTo("nsp-heesch");
        assertThat(help.checkInId()).isEqualTo(checkInId);
        assertThat(help.lessSelfReliant()).isTrue();
        // water is served at the desk: no help request for it
        assertThat(events(id, EventType.HELP_REQUESTED, HelpRequested.class)).hasSize(1);

        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/check-ins/" + checkInId + "/check-out")
                .with(token(NSP_HEESCH))).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> nsp(id, "nsp-heesch").path("occupancy").asInt() == 0);
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/check-ins/" + checkInId + "/check-out")
                .with(token(NSP_HEESCH))).andExpect(status().isConflict());
        assertThat(events(id, EventType.CITIZEN_CHECKED_OUT, CitizenCheckedOut.class)).singleElement()
                .satisfies(out -> assertThat(out.reason()).isEqualTo("left"));
    }

    @Test
    void thresholdsRaiseEventsAndAFullNspPointsToTheNearestOpenOneWithRoom() throws Exception {
        String id = openedAndPaused();
        String tens = "{\"householdSize\":8,\"needs\":[\"warmth\"]}";
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), tens).andExpect(status().isAccepted());
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), tens).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> events(id, EventType.OCCUPANCY_THRESHOLD_CROSSED,
                OccupancyThresholdCrossed.class).size() == 1);
        assertThat(events(id, EventType.OCCUPANCY_THRESHOLD_CROSSED, OccupancyThresholdCrossed.class).getFirst())
                .satisfies(t -> {
                    assertThat(t.thresholdPercent()).isEqualTo(80);
                    assertThat(t.occupancy()).isEqualTo(16);
                });
        await().atMost(PATIENCE).until(() -> nsp(id, "nsp-heesch").path("occupancy").asInt() == 16);
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), "{\"householdSize\":4,\"needs\":[\"warmth\"]}")
                .andExpect(status().isAccepted());
        awaitState(id, "nsp-heesch", NspState.FULL);
        assertThat(events(id, EventType.OCCUPANCY_THRESHOLD_CROSSED, OccupancyThresholdCrossed.class))
                .extracting(OccupancyThresholdCrossed::thresholdPercent).containsExactly(80, 100);
        assertThat(views.history(id, "nsp-heesch")).extracting(NspStateChanged::state)
                .containsExactly(NspState.OPENING, NspState.OPEN, NspState.FULL);

        int before = nspRecords(id).size();
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), "{\"householdSize\":1,\"needs\":[\"warmth\"]}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.alternative.nspId").value("nsp-nistelrode"))
                .andExpect(jsonPath("$.alternative.room").value(30))
                .andExpect(jsonPath("$.alternative.distanceKm").isNumber());
        assertThat(nspRecords(id)).hasSize(before);
    }

    @Test
    void waterHandedOutRunsTheStockDownUntilTheNspAsksForMoreAndADeliveryTopsItUp() throws Exception {
        String id = openedAndPaused();
        // 20 places x 7 litres = 140 litres; each household of 10 with the water need takes a day's 35 litres
        String thirsty = "{\"householdSize\":10,\"needs\":[\"water\"]}";
        for (int i = 0; i < 3; i++) {
            String checkInId = json(checkIn(id, "nsp-heesch", token(NSP_HEESCH), thirsty)
                    .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                    .path("checkInId").asText();
            await().atMost(PATIENCE).until(() -> nsp(id, "nsp-heesch").path("occupancy").asInt() == 10);
            mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/check-ins/" + checkInId + "/check-out")
                    .with(token(NSP_HEESCH))).andExpect(status().isAccepted());
            await().atMost(PATIENCE).until(() -> nsp(id, "nsp-heesch").path("occupancy").asInt() == 0);
        }
        await().atMost(PATIENCE).until(() -> !events(id, EventType.RESUPPLY_REQUESTED, ResupplyRequested.class)
                .isEmpty());
        ResupplyRequested request = events(id, EventType.RESUPPLY_REQUESTED, ResupplyRequested.class).getFirst();
        assertThat(request.item()).isEqualTo("water");
        assertThat(request.nspId()).isEqualTo("nsp-heesch");
        assertThat(request.remaining()).isLessThanOrEqualTo(35.0);
        assertThat(request.requested()).isGreaterThanOrEqualTo(105.0);

        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/supplies").with(token(NSP_HEESCH))
                .contentType(MediaType.APPLICATION_JSON).content("{\"waterLitres\":200}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/supplies").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content("{\"waterLitres\":-5}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/supplies").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content("{\"waterLitres\":200,\"foodRations\":1e9}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("foodRations"));
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/supplies").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content("{\"waterLitres\":200}"))
                .andExpect(status().isAccepted());
        // topped up: the next household's water no longer sets off a request
        await().atMost(PATIENCE).until(() -> models.model(id).orElseThrow().sites.get("nsp-heesch").water > 200);
        checkIn(id, "nsp-heesch", token(NSP_HEESCH), thirsty).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> nsp(id, "nsp-heesch").path("occupancy").asInt() == 10);
        assertThat(events(id, EventType.RESUPPLY_REQUESTED, ResupplyRequested.class)).hasSize(1);
    }

    @Test
    void theCrisisTeamRegistersAnNspTheScenarioDidNotHave() throws Exception {
        String id = openedAndPaused();
        String sporthal = "{\"id\":\"nsp-sporthal\",\"name\":\"Noodopvang sporthal De Overbeek\",\"kind\":\"local\","
                + "\"placeId\":\"heesch\",\"lat\":51.735,\"lon\":5.531,\"capacity\":120,"
                + "\"facilities\":[\"water\",\"warmth\"]}";
        int before = nspRecords(id).size();
        register(id, token(NSP_HEESCH), sporthal).andExpect(status().isForbidden());
        register(id, token(CRISIS_TEAM), sporthal.replace("120", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacity"));
        register(id, token(CRISIS_TEAM), sporthal.replace("\"warmth\"", "\"sauna\"")).andExpect(status().isBadRequest());
        register(id, token(CRISIS_TEAM), sporthal.replace("nsp-sporthal", "nsp-heesch")).andExpect(status().isConflict());
        register(id, token(CRISIS_TEAM), sporthal.replace("\"heesch\"", "\"atlantis\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Plaats 'atlantis' komt niet voor in het scenario van oefening '"
                        + id + "' (placeId)."));
        assertThat(nspRecords(id)).hasSize(before);

        register(id, token(CRISIS_TEAM), sporthal).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> views.find(id, "nsp-sporthal").isPresent());
        assertThat(views.find(id, "nsp-sporthal").orElseThrow().origin()).isEqualTo("crisis-team");
        // Heesch is dark: the policy opens it too, as soon as the exercise runs on
        timelineCommand("/api/exercises/" + id + "/resume", null).andExpect(status().isAccepted());
        awaitState(id, "nsp-sporthal", NspState.OPEN);
    }

    private ResultActions register(String id, RequestPostProcessor auth, String body) throws Exception {
        return mvc.perform(post("/api/exercises/" + id + "/nsps").with(auth).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void theCrisisTeamOpensAndClosesNspsAndPurgesPersonalDataOnceTheExerciseIsOver() throws Exception {
        String id = openedAndPaused();
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-loosbroek/open").with(token(NSP_HEESCH)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/open").with(token(CRISIS_TEAM)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-loosbroek/open").with(token(CRISIS_TEAM)))
                .andExpect(status().isAccepted());
        awaitState(id, "nsp-loosbroek", NspState.OPENING);

        String checkInId = json(checkIn(id, "nsp-nistelrode", token(CRISIS_TEAM), FAMILY)
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString())
                .path("checkInId").asText();
        await().atMost(PATIENCE).until(() -> nsp(id, "nsp-nistelrode").path("occupancy").asInt() == 3);
        // what the operator entered reads as entered in the API, and lies nowhere in plain text: no topic (dead
        // letters, changelogs and aborted transactions included), no collection of any database
        JsonNode entered = checkIns(id, "nsp-nistelrode").path(0);
        assertThat(entered.path("postcode").asText()).isEqualTo("5384");
        assertThat(entered.path("note").asText()).isEqualTo("snijwond aan de hand");
        assertThat(Traces.inTopics(brokers, "snijwond")).isEmpty();
        assertThat(Traces.inMongo(mongoClient, "snijwond")).isEmpty();
        CitizenCheckedIn sealed = events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class).getFirst();
        // sealed now, read after the purge: a check-in still on its way when the purge came
        CitizenCheckedIn late = new CitizenCheckedIn(id, "nsp-nistelrode", "ci-onderweg", 1, List.of("water"), true,
                personalData.seal(id, "5388"), personalData.seal(id, "rolstoel, derde verdieping"),
                CitizenCheckedIn.FROM_OPERATOR, null, null, "nsp-nistelrode", sealed.atSeconds());
        mvc.perform(post("/api/exercises/" + id + "/nsps/nsp-nistelrode/close").with(token(CRISIS_TEAM)))
                .andExpect(status().isAccepted());
        awaitState(id, "nsp-nistelrode", NspState.CLOSED);
        // who was inside is sent home when it closes
        await().atMost(PATIENCE).until(() -> nsp(id, "nsp-nistelrode").path("occupancy").asInt() == 0);
        assertThat(events(id, EventType.CITIZEN_CHECKED_OUT, CitizenCheckedOut.class)).singleElement()
                .satisfies(out -> {
                    assertThat(out.checkInId()).isEqualTo(checkInId);
                    assertThat(out.reason()).isEqualTo("nsp-closed");
                });
        checkIn(id, "nsp-nistelrode", token(CRISIS_TEAM), FAMILY).andExpect(status().isConflict());

        // an NSP operator reads the notices of the NSPs they run, and no others
        await().atMost(PATIENCE).until(() -> noticesAs(id, "", CRISIS_TEAM).findValuesAsText("nspId")
                .contains("nsp-nistelrode"));
        JsonNode everyone = noticesAs(id, "", CRISIS_TEAM);
        JsonNode own = noticesAs(id, "", NSP_HEESCH);
        assertThat(own.findValuesAsText("nspId")).allMatch("nsp-heesch"::equals)
                .hasSize((int) everyone.findValuesAsText("nspId").stream().filter("nsp-heesch"::equals).count());
        mvc.perform(get("/api/exercises/" + id + "/nsp-notices?nspId=nsp-nistelrode").with(token(NSP_HEESCH)))
                .andExpect(status().isForbidden());

        String purge = "/api/exercises/" + id + "/personal-data/purge";
        mvc.perform(post(purge).with(token(CRISIS_TEAM))).andExpect(status().isConflict());
        timelineCommand("/api/exercises/" + id + "/stop", null).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> clocks.find(id).orElseThrow().isOver());
        mvc.perform(post(purge).with(token(NSP_HEESCH))).andExpect(status().isForbidden());
        mvc.perform(post(purge).with(token(CRISIS_TEAM))).andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> absent(checkIns(id, "nsp-nistelrode").path(0).path("postcode")));
        JsonNode visit = checkIns(id, "nsp-nistelrode").path(0);
        assertThat(absent(visit.path("note"))).isTrue();
        assertThat(visit.path("householdSize").asInt()).isEqualTo(3);
        assertThat(notices(id, "help").toString()).doesNotContain("snijwond");
        // the key is gone: what is on the topic (and in every copy of it) can no longer be read by anyone
        assertThat(personalData.isPurged(id)).isTrue();
        assertThat(personalData.open(sealed.note())).isEmpty();
        assertThat(personalData.open(sealed.postcode())).isEmpty();
        assertThat(personalData.seal(id, "5384")).as("nothing new is sealed for a purged exercise").isNull();
        publisher.publish("nsp-nistelrode", late, clocks.find(id).orElseThrow().contextAt(late.atSeconds()));
        JsonNode arrivedLate = await().atMost(PATIENCE).until(() -> checkIn(id, "nsp-nistelrode", "ci-onderweg"),
                found -> !found.isMissingNode());
        assertThat(absent(arrivedLate.path("postcode"))).isTrue();
        assertThat(absent(arrivedLate.path("note"))).isTrue();
        assertThat(arrivedLate.path("householdSize").asInt()).isEqualTo(1);
    }

    private JsonNode checkIn(String id, String nspId, String checkInId) throws Exception {
        for (JsonNode visit : checkIns(id, nspId)) {
            if (checkInId.equals(visit.path("checkInId").asText())) {
                return visit;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean absent(JsonNode field) {
        return field.isMissingNode() || field.isNull();
    }

    private ResultActions checkIn(String id, String nspId, RequestPostProcessor auth, String body) throws Exception {
        return mvc.perform(post("/api/exercises/" + id + "/nsps/" + nspId + "/check-ins").with(auth)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode nsp(String id, String nspId) throws Exception {
        return json(mvc.perform(get("/api/exercises/" + id + "/nsps/" + nspId).with(token(CRISIS_TEAM)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private JsonNode checkIns(String id, String nspId) throws Exception {
        return json(mvc.perform(get("/api/exercises/" + id + "/nsps/" + nspId + "/check-ins?all=true")
                .with(token(CRISIS_TEAM))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private JsonNode noticesAs(String id, String query, String who) throws Exception {
        return json(mvc.perform(get("/api/exercises/" + id + "/nsp-notices" + query).with(token(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private JsonNode notices(String id, String kind) throws Exception {
        return json(mvc.perform(get("/api/exercises/" + id + "/nsp-notices?kind=" + kind).with(token(CRISIS_TEAM)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

}
