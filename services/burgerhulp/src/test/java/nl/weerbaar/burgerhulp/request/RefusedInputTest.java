package nl.weerbaar.burgerhulp.request;

import static nl.weerbaar.kit.test.TestAuth.COORDINATOR;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.VOLUNTEER_V1;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.weerbaar.burgerhulp.BurgerhulpTestSupport;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Refused input is answered with a problem that says what is wrong, and publishes nothing: the exercise's records on
 * the burgerhulp topic, read to its end, are the same after every refused call as before.
 */
@WeerbaarIntegrationTest
class RefusedInputTest extends BurgerhulpTestSupport {

    private static final String VOLUNTEER = "{\"id\":\"v-7\",\"placeId\":\"heesch\",\"lat\":51.73,\"lon\":5.53,"
            + "\"skills\":[\"first-aid\"]}";

    @Test
    void refusedRequestsAnswerWithAProblemAndPublishNothing() throws Exception {
        String id = playAndPause();
        register(id, "v-1", 0.2, "first-aid").andExpect(status().isAccepted());
        awaitVolunteersInModel(id, 1);
        int before = topic.validRecords(id).size();

        // help requests
        send(id, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"nspId\":\"nsp-bestaat-niet\"}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Noodsteunpunt 'nsp-bestaat-niet' hoort niet bij oefening '"
                        + id + "'."));
        send(id, "/help-requests", COORDINATOR, "{\"need\":\"pizza\",\"nspId\":\"nsp-heesch\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("need"));
        send(id, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"lat\":200,\"lon\":5.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lat"));
        send(id, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"deadlineMinutes\":0,"
                + "\"nspId\":\"nsp-heesch\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deadlineMinutes"));
        send(id, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\"}")
                .andExpect(status().isUnprocessableEntity());
        send(id, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"nspId\":\"nsp-heesch\","
                + "\"placeId\":\"atlantis\"}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Plaats 'atlantis' komt niet voor in het scenario van oefening '"
                        + id + "' (placeId)."));
        send(id, "/help-requests", COORDINATOR, "{\"need\":").andExpect(status().isBadRequest());
        send(id, "/help-requests", VOLUNTEER_V1, "{\"need\":\"first-aid\",\"nspId\":\"nsp-heesch\"}")
                .andExpect(status().isForbidden());
        sendWith(id, "/help-requests", request -> request, "{\"need\":\"first-aid\",\"nspId\":\"nsp-heesch\"}")
                .andExpect(status().isUnauthorized());
        send("oef-bestaat-niet", "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"lat\":51.7,"
                + "\"lon\":5.5}").andExpect(status().isNotFound());

        // volunteers
        send(id, "/volunteers", COORDINATOR, VOLUNTEER.replace("[\"first-aid\"]", "[]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("skills"));
        send(id, "/volunteers", COORDINATOR, VOLUNTEER.replace("first-aid", "juggling"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("skills[0]"));
        send(id, "/volunteers", COORDINATOR, VOLUNTEER.replace("v-7", "v-1")).andExpect(status().isConflict());
        send(id, "/volunteers", COORDINATOR, VOLUNTEER.replace("heesch", "atlantis"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("place.unknown"));
        send(id, "/volunteers", COORDINATOR, VOLUNTEER.replace("\"first-aid\"]", "\"transport-car\"],"
                + "\"hasCar\":false")).andExpect(status().isUnprocessableEntity());
        send(id, "/volunteers", VOLUNTEER_V1, VOLUNTEER).andExpect(status().isForbidden());
        send(id, "/volunteers", CRISIS_TEAM, VOLUNTEER).andExpect(status().isForbidden());
        send(id, "/volunteers/v-onbekend/presence", COORDINATOR, "{\"nspId\":\"nsp-heesch\",\"present\":true}")
                .andExpect(status().isNotFound());
        send(id, "/volunteers/v-1/presence", VOLUNTEER_V1, "{\"present\":false}").andExpect(status().isConflict());

        // offers and progress
        send(id, "/offers/hr-onbekend-1-1/accept", VOLUNTEER_V1, null).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Aanbod 'hr-onbekend-1-1' hoort niet bij oefening '" + id
                        + "'."));
        send(id, "/help-requests/hr-onbekend/progress", COORDINATOR, "{\"status\":\"completed\"}")
                .andExpect(status().isNotFound());
        getAs("/api/exercises/" + id + "/help-requests?status=lost", COORDINATOR).andExpect(status().isBadRequest());
        getAs("/api/exercises/" + id + "/help-requests/hr-onbekend", COORDINATOR).andExpect(status().isNotFound());
        mvc.perform(get("/api/exercises/" + id + "/help-requests/hr-onbekend").with(token(COORDINATOR))
                .header("Accept-Language", "en")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Help request 'hr-onbekend' is not part of exercise '" + id
                        + "'."));

        assertThat(topic.validRecords(id)).hasSize(before);

        // one good request after the refused ones is on the record, and a progress report for it before anyone
        // took it is refused too
        String requestId = json(send(id, "/help-requests", COORDINATOR, "{\"need\":\"first-aid\",\"nspId\":"
                + "\"nsp-heesch\"}").andExpect(status().isAccepted())).path("requestId").asText();
        awaitRequest(id, requestId, r -> !r.offers.isEmpty());
        int withRequest = topic.validRecords(id).size();
        send(id, "/help-requests/" + requestId + "/progress", COORDINATOR, "{\"status\":\"completed\"}")
                .andExpect(status().isConflict());
        assertThat(topic.validRecords(id)).hasSize(withRequest);
    }
}
