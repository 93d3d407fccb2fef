package nl.weerbaar.vitalstatus.status;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.NSP_HEESCH;
import static nl.weerbaar.kit.test.TestAuth.PROVIDER_ENEXIS;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.vitalstatus.VitalTestSupport;
import nl.weerbaar.vitalstatus.provider.ProviderView;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Real providers post their own status: it wins over the simulation until released; refused posts change nothing. */
@WeerbaarIntegrationTest
class PostedStatusTest extends VitalTestSupport {

    @Test
    void aPostedStatusWinsOverTheSimulationUntilReleasedAndItsDependentsFollowIt() throws Exception {
        String id = play("klein-testscenario", 1);
        await().atMost(PATIENCE).until(() -> state(id, "mobiel-netwerk") == ProviderState.ON_BACKUP);

        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS),
                "{\"state\":\"normal\",\"message\":\"Net weer onder spanning\",\"messageEn\":\"Grid energised\"}")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.eventId").isString());
        await().atMost(PATIENCE).until(() -> views.find(id, "enexis-net").orElseThrow(),
                v -> v.overridden() && v.state() == ProviderState.NORMAL && v.source() == StatusSource.PROVIDER);
        // the mobile network is fed again by the grid the provider reports
        await().atMost(PATIENCE).until(() -> state(id, "mobiel-netwerk") == ProviderState.RESTORED);
        assertThat(statuses(id, "mobiel-netwerk").getLast().causeChain()).first()
                .satisfies(step -> assertThat(step.reason()).isEqualTo("posted"));

        // the simulation keeps computing but publishes nothing for the provider while its own status wins
        timelineCommand("/api/exercises/" + id + "/jump", "{\"toSeconds\":6000}").andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> state(id, "alarmnummer-112") == ProviderState.DOWN);
        assertThat(statuses(id, "enexis-net")).extracting(ProviderStatusChanged::source)
                .containsExactly(StatusSource.SIMULATION, StatusSource.PROVIDER);

        mvc.perform(post("/api/exercises/" + id + "/providers/enexis-net/status/release").with(token(CRISIS_TEAM)))
                .andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> views.find(id, "enexis-net").orElseThrow(),
                v -> !v.overridden() && v.state() == ProviderState.DOWN && v.source() == StatusSource.SIMULATION);
        await().atMost(PATIENCE).until(() -> state(id, "mobiel-netwerk") == ProviderState.ON_BACKUP);
        mvc.perform(post("/api/exercises/" + id + "/providers/enexis-net/status/release").with(token(CRISIS_TEAM)))
                .andExpect(status().isConflict());
    }

    @Test
    void refusedPostsAreAnsweredWithAProblemAndPublishNothing() throws Exception {
        String id = play("klein-testscenario", 1);
        String ok = "{\"state\":\"down\"}";
        postStatus(id, "enexis-net", token(CRISIS_TEAM), ok).andExpect(status().isForbidden());
        postStatus(id, "enexis-net", token(NSP_HEESCH), ok).andExpect(status().isForbidden());
        postStatus(id, "ziekenhuis-bernhoven", token(PROVIDER_ENEXIS), ok).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        postStatus(id, "enexis-net", request -> request, ok).andExpect(status().isUnauthorized());
        postStatus(id, "enexis", token(PROVIDER_ENEXIS), ok).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Voorziening 'enexis' hoort niet bij oefening '" + id + "'."));
        postStatus("oef-bestaat-niet", "enexis-net", token(PROVIDER_ENEXIS), ok).andExpect(status().isNotFound());
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"kapot\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"on-backup\",\"backupRemainingHours\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("backupRemainingHours"));
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"on-backup\",\"backupRemainingHours\":1e6}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("backupRemainingHours"));
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"down\",\"expectedRestore\":\"straks\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expectedRestore"));
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"backupRemainingHours\":3}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"down\",\"affectedPlaces\":[\"heesch\","
                + "\"atlantis\"]}").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'atlantis'")));

        // one good post after all the refused ones: it is the only status a provider put on the record
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"down\",\"expectedRestore\":\"48:00\"}")
                .andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> posted(id).size() == 1);
        assertThat(posted(id).getFirst().expectedRestoreSeconds()).isEqualTo(48 * 3600L);
        assertThat(posted(id).getFirst().by()).isEqualTo("enexis");
    }

    @Test
    void postsAreRateLimitedPerProviderAndARefusedPostPublishesNothing() throws Exception {
        String id = play("klein-testscenario", 1);
        for (int i = 0; i < 30; i++) {
            postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"down\"}").andExpect(status().isAccepted());
        }
        postStatus(id, "enexis-net", token(PROVIDER_ENEXIS), "{\"state\":\"down\"}")
                .andExpect(status().isTooManyRequests());
        await().atMost(PATIENCE).until(() -> posted(id).size() == 30);
        assertThat(posted(id)).hasSize(30);
    }

    @Test
    void theCrisisTeamRegistersAProviderThatJoinsTheCascade() throws Exception {
        String id = play("klein-testscenario", 1);
        String body = "{\"id\":\"huisartsenpost-heesch\",\"name\":\"Huisartsenpost Heesch\",\"sector\":\"ghor\","
                + "\"places\":[\"heesch\"],\"dependsOn\":[\"enexis-net\"],"
                + "\"backup\":{\"kind\":\"generator\",\"autonomyHours\":8,\"refuelPossible\":true}}";
        mvc.perform(post("/api/exercises/" + id + "/providers").with(token(PROVIDER_ENEXIS))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/exercises/" + id + "/providers").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("[\"enexis-net\"]", "[\"onbekend\"]")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("dependsOn"));
        // a sector or a place the scenario does not have
        mvc.perform(post("/api/exercises/" + id + "/providers").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("\"ghor\"", "\"drinkwater\"")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Sector 'drinkwater' komt niet voor in het scenario van oefening '"
                        + id + "'; wel: netbeheer, telecom, ghor, wegen."));
        mvc.perform(post("/api/exercises/" + id + "/providers").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("[\"heesch\"]", "[\"atlantis\"]")))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("place.unknown"));
        mvc.perform(post("/api/exercises/" + id + "/providers").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isAccepted());
        // the grid is down: the new provider starts on its generator
        await().atMost(PATIENCE).until(() -> state(id, "huisartsenpost-heesch") == ProviderState.ON_BACKUP);
        mvc.perform(post("/api/exercises/" + id + "/providers").with(token(CRISIS_TEAM))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict());
    }

    private ProviderState state(String exerciseId, String providerId) {
        return views.find(exerciseId, providerId).map(ProviderView::state).orElse(null);
    }

    private List<ProviderStatusChanged> posted(String exerciseId) {
        return vitalRecords(exerciseId).stream()
                .filter(r -> r.type().equals(nl.weerbaar.contracts.EventType.PROVIDER_STATUS_CHANGED.type()))
                .map(r -> payload(r, ProviderStatusChanged.class))
                .filter(s -> s.source() == StatusSource.PROVIDER).toList();
    }

    private ResultActions postStatus(String exerciseId, String providerId, RequestPostProcessor auth, String json)
            throws Exception {
        return mvc.perform(post("/api/exercises/" + exerciseId + "/providers/" + providerId + "/status").with(auth)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
