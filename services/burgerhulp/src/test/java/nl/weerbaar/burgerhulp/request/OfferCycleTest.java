package nl.weerbaar.burgerhulp.request;

import static nl.weerbaar.kit.test.TestAuth.COORDINATOR;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.NSP_HEESCH;
import static nl.weerbaar.kit.test.TestAuth.VOLUNTEER_V1;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import nl.weerbaar.burgerhulp.BurgerhulpTestSupport;
import nl.weerbaar.burgerhulp.coordination.RequestState;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.CommandRefused;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A help request's whole cycle over the real broker: a household with a wound checks in at Noodsteunpunt Heesch, the
 * NSP asks for first aid, burgerhulp offers it to the three nearest volunteers who can give first aid (not to the
 * nearer carer), two decline, the third lets the offer expire, the next round goes to the fourth, who accepts, is
 * on the way and done. Volunteers touch only their own offers and tasks. And the two ways a request is escalated.
 */
@WeerbaarIntegrationTest
class OfferCycleTest extends BurgerhulpTestSupport {

    @Autowired EventPublisher publisher;

    @Test
    void aRequestOfAnNspIsOfferedByDistanceReOfferedAfterDeclinesAndExpiryAndDoneByWhoAccepts() throws Exception {
        String id = playUntilNspOpenAndPause();
        register(id, "v-1", 0.2, "first-aid").andExpect(status().isAccepted());
        register(id, "v-2", 0.5, "first-aid").andExpect(status().isAccepted());
        register(id, "v-3", 0.8, "first-aid").andExpect(status().isAccepted());
        register(id, "v-4", 1.1, "first-aid").andExpect(status().isAccepted());
        register(id, "v-9", 0.05, "care", "psychosocial").andExpect(status().isAccepted());
        awaitVolunteersInModel(id, 5);

        noodsteunpunt.perform(post("/api/exercises/" + id + "/nsps/nsp-heesch/check-ins").with(token(NSP_HEESCH))
                .contentType(MediaType.APPLICATION_JSON).content("{\"householdSize\":2,\"needs\":[\"first-aid\"],"
                        + "\"lessSelfReliant\":false,\"note\":\"snijwond\"}")).andExpect(status().isAccepted());
        HelpRequestView request = await(id, r -> r.offers.size() == 3);
        String rid = request.requestId;
        assertThat(request.request.source()).isEqualTo(HelpRequestOpened.FROM_NSP);
        assertThat(request.request.nspId()).isEqualTo("nsp-heesch");
        assertThat(request.request.need()).isEqualTo("first-aid");
        assertThat(request.status).isEqualTo(HelpRequestView.OFFERED);
        // the three nearest who can give first aid, nearest first; the carer next door cannot
        assertThat(request.offers).extracting(OfferView::volunteerId).containsExactly("v-1", "v-2", "v-3");
        assertThat(request.offers).extracting(OfferView::rank).containsExactly(1, 2, 3);
        assertThat(request.offers).allSatisfy(o -> {
            assertThat(o.round()).isEqualTo(1);
            assertThat(o.channel()).isEqualTo(HelpOffered.BY_PHONE);
            assertThat(o.travel()).isEqualTo("walk");
        });
        assertThat(request.offers.get(0).distanceKm()).isLessThan(request.offers.get(1).distanceKm());
        long opened = request.request.atSeconds();
        assertThat(request.offers.getFirst().expiresAtSeconds()).isEqualTo(opened + 3 * 60);

        // v-1 declines their own; a coordinator records v-2's decline; v-1 cannot touch v-3's offer
        sendWith(id, "/offers/" + offerOf(request, "v-3") + "/accept", token(VOLUNTEER_V1), null)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(id, "/offers/" + offerOf(request, "v-1") + "/decline", VOLUNTEER_V1, null)
                .andExpect(status().isAccepted());
        send(id, "/offers/" + offerOf(request, "v-2") + "/decline", COORDINATOR, null)
                .andExpect(status().isAccepted());
        awaitRequest(id, rid, r -> r.offers.stream().filter(o -> "declined".equals(o.answer())).count() == 2);
        send(id, "/offers/" + offerOf(request, "v-1") + "/accept", VOLUNTEER_V1, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Aanbod '" + offerOf(request, "v-1")
                        + "' is al beantwoord (declined)."));
        // an answer that gets past that check (sent to another instance at the same moment, say) is the
        // coordination's to decide: it refuses it, and the refusal is on the request's time line
        long at = now(id);
        String late = publisher.publish(EventType.OFFER_ANSWER_SUBMITTED, rid, new OfferAnswered(id, rid,
                offerOf(request, "v-1"), "v-1", OfferAnswered.ACCEPTED, "v-1", at), clocks.require(id).contextAt(at));
        awaitRequest(id, rid, r -> r.steps.stream().anyMatch(s -> "refused:offer-no-longer-open".equals(s.what())));
        assertThat(events(id, EventType.BURGERHULP_COMMAND_REFUSED, CommandRefused.class)).singleElement()
                .satisfies(refused -> assertThat(refused.commandId()).isEqualTo(late));

        // nobody answers for v-3: the offer expires and the next round goes to the one capable volunteer left
        jumpMinutes(id, 4);
        request = awaitRequest(id, rid, r -> r.offers.size() == 4);
        OfferView second = request.offers.get(3);
        assertThat(second.volunteerId()).isEqualTo("v-4");
        assertThat(second.round()).isEqualTo(2);
        assertThat(request.offers.get(2).answer()).isEqualTo(OfferAnswered.EXPIRED);
        assertThat(request.offers.get(2).answeredBy()).isNull();

        send(id, "/offers/" + second.offerId() + "/accept", COORDINATOR, null).andExpect(status().isAccepted());
        request = awaitRequest(id, rid, r -> HelpRequestView.ACCEPTED.equals(r.status));
        assertThat(request.assignee).isEqualTo("v-4");
        assertThat(request.getMinutesToMatch()).isBetween(4L, 5L);
        awaitModel(id, m -> RequestState.ACCEPTED.equals(m.requests.get(rid).status));

        // only the one who has it reports progress, and in order
        send(id, "/help-requests/" + rid + "/progress", VOLUNTEER_V1, "{\"status\":\"completed\"}")
                .andExpect(status().isForbidden());
        send(id, "/help-requests/" + rid + "/progress", COORDINATOR, "{\"status\":\"on-holiday\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        send(id, "/help-requests/" + rid + "/progress", COORDINATOR, "{\"status\":\"en-route\"}")
                .andExpect(status().isAccepted());
        awaitModel(id, m -> RequestState.EN_ROUTE.equals(m.requests.get(rid).status));
        send(id, "/help-requests/" + rid + "/progress", COORDINATOR, "{\"status\":\"en-route\"}")
                .andExpect(status().isConflict());
        send(id, "/help-requests/" + rid + "/progress", COORDINATOR, "{\"status\":\"completed\"}")
                .andExpect(status().isAccepted());
        request = awaitRequest(id, rid, r -> HelpRequestView.COMPLETED.equals(r.status));
        assertThat(request.steps).extracting(HelpRequestView.Step::what).containsExactly("opened", "offered",
                "offered", "offered", "declined", "declined", "refused:offer-no-longer-open", "expired", "offered",
                "accepted", "en-route", "completed");

        // the volunteers' own views: v-1 sees only its own declined offer of a request someone else took
        JsonNode tasks = json(getAs("/api/exercises/" + id + "/volunteers/v-1/tasks", VOLUNTEER_V1)
                .andExpect(status().isOk()));
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("status").asText()).isEqualTo("taken");
        assertThat(tasks.get(0).path("offers")).hasSize(1);
        assertThat(tasks.get(0).path("offers").get(0).path("answer").asText()).isEqualTo("declined");
        getAs("/api/exercises/" + id + "/volunteers/v-4/tasks", VOLUNTEER_V1).andExpect(status().isForbidden());
        getAs("/api/exercises/" + id + "/help-requests", VOLUNTEER_V1).andExpect(status().isForbidden());
        JsonNode listing = json(getAs("/api/exercises/" + id + "/volunteers", CRISIS_TEAM).andExpect(status().isOk()));
        assertThat(listing).hasSize(5);
        assertThat(listing.findValues("completedTasks").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(1);
        JsonNode overview = json(getAs("/api/exercises/" + id + "/burgerhulp", CRISIS_TEAM)
                .andExpect(status().isOk()));
        assertThat(overview.path("requestsByStatus").path("completed").asInt()).isEqualTo(1);
        assertThat(overview.path("medianMinutesToMatch").asLong()).isBetween(4L, 5L);
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> events(id, EventType.HELP_OFFERED,
                HelpOffered.class).size() == 4 && events(id, EventType.OFFER_ANSWERED, OfferAnswered.class).size() == 4);
        // every answer and report of a person went in as a command and came out as the coordination's fact
        assertThat(events(id, EventType.OFFER_ANSWER_SUBMITTED, OfferAnswered.class)).hasSize(4);
        assertThat(events(id, EventType.OFFER_ANSWERED, OfferAnswered.class)).filteredOn(a -> a.by() != null)
                .hasSize(3);
        assertThat(events(id, EventType.ASSIGNMENT_PROGRESS_SUBMITTED, AssignmentProgressed.class)).hasSize(2);
        assertThat(events(id, EventType.ASSIGNMENT_PROGRESSED, AssignmentProgressed.class))
                .extracting(AssignmentProgressed::status).containsExactly("en-route", "completed");
        assertThat(topic.validRecords(id)).extracting(r -> r.type()).contains(EventType.VOLUNTEER_REGISTERED.type(),
                EventType.HELP_REQUEST_OPENED.type(), EventType.HELP_OFFERED.type(), EventType.OFFER_ANSWERED.type(),
                EventType.ASSIGNMENT_PROGRESSED.type());
    }

    @Test
    void requestsNobodyCanOrWillTakeInTimeAreEscalatedToTheCrisisTeam() throws Exception {
        String id = playAndPause();
        register(id, "v-1", 0.2, "first-aid").andExpect(status().isAccepted());
        awaitVolunteersInModel(id, 1);

        // transport for a less self-reliant household needs a car: nobody has one
        String transportBody = "{\"need\":\"transport\",\"nspId\":\"nsp-nistelrode\",\"lessSelfReliant\":true,"
                + "\"householdSize\":2}";
        String transport = json(sendWith(id, "/help-requests", withKey(COORDINATOR, "vervoer-0001"), transportBody)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.urgency").value("urgent"))).path("requestId").asText();
        // the coordinator's screen timed out and sent it again under the same key: the same request, not a second
        sendWith(id, "/help-requests", withKey(COORDINATOR, "vervoer-0001"), transportBody)
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.requestId").value(transport));
        HelpRequestView noOne = awaitRequest(id, transport, r -> HelpRequestView.ESCALATED.equals(r.status));
        assertThat(noOne.escalationReason).isEqualTo("no-volunteer");
        // in words: the need as people say it, the NSP by its name
        assertThat(noOne.escalationMessage.nl()).startsWith("Geen burgerhulpverlener beschikbaar voor vervoer bij "
                + "Noodsteunpunt Nistelrode vóór T+");
        assertThat(noOne.escalationMessage.en()).startsWith("No volunteer available for transport at "
                + "Noodsteunpunt Nistelrode before T+");
        assertThat(noOne.offers).isEmpty();

        // first aid within ten minutes: v-1 (there in eight) is asked, does not answer, and the deadline passes
        String firstAid = json(send(id, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"urgency\":"
                + "\"urgent\",\"deadlineMinutes\":10,\"nspId\":\"nsp-heesch\"}").andExpect(status().isAccepted()))
                .path("requestId").asText();
        HelpRequestView asked = awaitRequest(id, firstAid, r -> r.offers.size() == 1);
        assertThat(asked.offers.getFirst().volunteerId()).isEqualTo("v-1");
        assertThat(asked.offers.getFirst().expiresAtSeconds()).isEqualTo(asked.request.deadlineSeconds());
        jumpMinutes(id, 11);
        HelpRequestView late = awaitRequest(id, firstAid, r -> HelpRequestView.ESCALATED.equals(r.status));
        assertThat(late.escalationReason).isEqualTo("deadline-passed");
        assertThat(late.offers.getFirst().answer()).isEqualTo(OfferAnswered.EXPIRED);
        send(id, "/offers/" + late.offers.getFirst().offerId() + "/accept", VOLUNTEER_V1, null)
                .andExpect(status().isConflict());

        List<HelpRequestEscalated> escalations = events(id, EventType.HELP_REQUEST_ESCALATED,
                HelpRequestEscalated.class);
        // two keys, two partitions: the order between them is not the topic's to give
        assertThat(escalations).extracting(HelpRequestEscalated::requestId, HelpRequestEscalated::atSeconds)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(transport, noOne.request.atSeconds()),
                        org.assertj.core.groups.Tuple.tuple(firstAid, late.request.deadlineSeconds()));
        assertThat(events(id, EventType.HELP_REQUEST_OPENED, HelpRequestOpened.class))
                .extracting(HelpRequestOpened::requestId, HelpRequestOpened::source).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(transport, HelpRequestOpened.BY_COORDINATOR),
                        org.assertj.core.groups.Tuple.tuple(firstAid, HelpRequestOpened.BY_COORDINATOR));

        // the list comes in pages (asked at the same paused moment: their order is by id), the total in a header
        JsonNode first = json(getAs("/api/exercises/" + id + "/help-requests?size=1", CRISIS_TEAM)
                .andExpect(status().isOk()).andExpect(header().string("X-Total-Count", "2")));
        JsonNode second = json(getAs("/api/exercises/" + id + "/help-requests?size=1&page=1", CRISIS_TEAM)
                .andExpect(status().isOk()));
        assertThat(List.of(first.get(0).path("requestId").asText(), second.get(0).path("requestId").asText()))
                .containsExactlyInAnyOrder(transport, firstAid);
        assertThat(json(getAs("/api/exercises/" + id + "/help-requests?page=2&size=1", CRISIS_TEAM))).isEmpty();
        getAs("/api/exercises/" + id + "/help-requests?size=5000", CRISIS_TEAM).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("grootte 5000 bestaat niet: pagina vanaf 0, grootte van 1 tot en met 1000")));
    }

    private HelpRequestView await(String exerciseId, java.util.function.Predicate<HelpRequestView> condition) {
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() -> onlyRequest(exerciseId).filter(condition)
                .isPresent());
        return onlyRequest(exerciseId).orElseThrow();
    }

    private static String offerOf(HelpRequestView request, String volunteerId) {
        return request.offers.stream().filter(o -> o.volunteerId().equals(volunteerId)).findFirst().orElseThrow()
                .offerId();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor withKey(String as, String key) {
        return request -> {
            request.addHeader("Idempotency-Key", key);
            return token(as).postProcessRequest(request);
        };
    }
}
