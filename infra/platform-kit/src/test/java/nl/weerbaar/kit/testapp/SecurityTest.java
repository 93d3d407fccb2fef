package nl.weerbaar.kit.testapp;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_PASSWORD;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_USER;
import static nl.weerbaar.kit.test.TestAuth.PROVIDER_ENEXIS;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.basic;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WeerbaarIntegrationTest
class SecurityTest {

    private static final String PROBE = "{\"exerciseId\":\"oef-sec\",\"speed\":1,\"seed\":1}";

    @Autowired MockMvc mvc;

    @Test
    void aWriteWithoutCredentialsIs401AsProblem() throws Exception {
        mvc.perform(post("/api/probes").contentType(MediaType.APPLICATION_JSON).content(PROBE))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().stringValues("WWW-Authenticate", hasItem("Bearer")))
                .andExpect(jsonPath("$.detail").value(containsString("Meld u eerst aan")));
    }

    @Test
    void anUnknownTokenIs401() throws Exception {
        mvc.perform(post("/api/probes").with(token("guessed")).contentType(MediaType.APPLICATION_JSON).content(PROBE))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void readsNeedARole() throws Exception {
        mvc.perform(get("/api/probes/x")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/probes/x").header("Authorization", basic(CRISIS_USER, "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/probes/x").header("Authorization", basic(CRISIS_USER, CRISIS_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/probes/x").with(token(CRISIS_TEAM))).andExpect(status().isNotFound());
    }

    @Test
    void theWrongRoleIs403AsProblem() throws Exception {
        mvc.perform(post("/api/probes").with(token(CRISIS_TEAM)).contentType(MediaType.APPLICATION_JSON).content(PROBE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Uw rol staat deze handeling niet toe."));
    }

    @Test
    void aProviderActsOnlyForItsOwnProviders() throws Exception {
        mvc.perform(post("/api/providers/enexis/probe").with(token(PROVIDER_ENEXIS)))
                .andExpect(status().isAccepted());
        mvc.perform(post("/api/providers/brabant-water/probe").with(token(PROVIDER_ENEXIS))
                        .header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("You may only act for your own provider 'brabant-water'."));
        mvc.perform(post("/api/providers/brabant-water/probe").with(token(TRAINER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/providers/brabant-water/probe").with(token(CRISIS_TEAM)))
                .andExpect(status().isAccepted());
    }

    @Test
    void healthMetricsAndApiDescriptionAreOpen() throws Exception {
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON).content(PROBE))
                .andExpect(status().isAccepted());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(containsString("weerbaar_events_produced_total")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/probes']").exists());
    }
}
