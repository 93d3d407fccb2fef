package nl.weerbaar.kit.testapp;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_PASSWORD;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.CRISIS_USER;
import static nl.weerbaar.kit.test.TestAuth.MONITOR;
import static nl.weerbaar.kit.test.TestAuth.PROVIDER_ENEXIS;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.VOLUNTEER_V9_IN_OEF_A;
import static nl.weerbaar.kit.test.TestAuth.basic;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WeerbaarIntegrationTest
class SecurityTest {

    private static final String PROBE = "{\"exerciseId\":\"oef-sec\",\"speed\":1,\"seed\":1}";

    @Autowired MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

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
                .andExpect(jsonPath("$.detail").value("You may act only for the providers you represent; 'brabant-water' is not one of them."));
        mvc.perform(post("/api/providers/brabant-water/probe").with(token(TRAINER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/providers/brabant-water/probe").with(token(CRISIS_TEAM)))
                .andExpect(status().isAccepted());
    }

    @Test
    void healthStatusAndApiDescriptionAreOpenMetricsAndHealthDetailsNeedTheMonitorRole() throws Exception {
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON).content(PROBE))
                .andExpect(status().isAccepted());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(token(MONITOR))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.mongo.details").exists());
        mvc.perform(get("/actuator/health").with(token(CRISIS_TEAM))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").with(token(TRAINER))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(token(MONITOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(containsString("weerbaar_events_produced_total")));
        mvc.perform(get("/api/probes/x").with(token(MONITOR))).andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/probes']").exists());
    }

    @Test
    void anotherSitesFormCannotWriteWithTheBrowsersCredentialsAndNothingIsPublished() throws Exception {
        String exerciseId = "oef-csrf-" + java.util.UUID.randomUUID();
        String body = "{\"exerciseId\":\"" + exerciseId + "\",\"speed\":1,\"seed\":1}";
        try (TopicRecorder topic = new TopicRecorder(brokers, Topics.EXERCISE)) {
            // what a form on evil.example posts (text/plain smuggles JSON), the browser adding its Basic credentials
            mvc.perform(post("/api/probes").header("Authorization", basic(CRISIS_USER, CRISIS_PASSWORD))
                            .header("Origin", "https://evil.example").contentType(MediaType.TEXT_PLAIN).content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("cross-site-write"))
                    .andExpect(jsonPath("$.detail").value(containsString("https://evil.example")));
            mvc.perform(post("/api/probes").with(token(TRAINER)).header("Sec-Fetch-Site", "cross-site")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/probes").with(token(TRAINER)).header("Origin", "null")
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden());
            // the service's own page, and clients that are not browsers, may write
            mvc.perform(post("/api/probes").with(token(TRAINER)).header("Sec-Fetch-Site", "same-origin")
                            .header("Origin", "http://localhost").contentType(MediaType.APPLICATION_JSON)
                            .content(body.replace(exerciseId, exerciseId + "-own")))
                    .andExpect(status().isAccepted());
            mvc.perform(post("/api/probes").with(token(TRAINER)).header("Origin", "http://localhost")
                            .contentType(MediaType.APPLICATION_JSON).content(body.replace(exerciseId, exerciseId + "-old")))
                    .andExpect(status().isAccepted());
            org.awaitility.Awaitility.await().until(() -> topic.records().stream()
                    .filter(r -> r.key().startsWith(exerciseId)).count() == 2);
            assertThat(topic.records()).noneMatch(r -> exerciseId.equals(r.key()));
        }
    }

    @Test
    void pagesCarryAContentSecurityPolicy() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
    }

    @Test
    void aFloodOfWrongPasswordsIsNoLongerCheckedButOthersGoOn() throws Exception {
        RequestPostProcessor flooder = request -> {
            request.setRemoteAddr("192.0.2.66");
            return request;
        };
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/probes/x").with(flooder).header("Authorization", basic(CRISIS_USER, "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        // the eleventh within the minute is not even checked, the right password neither
        mvc.perform(get("/api/probes/x").with(flooder).header("Authorization", basic(CRISIS_USER, CRISIS_PASSWORD)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("sign-in-throttled"));
        // another address is served as before
        mvc.perform(get("/api/probes/x").header("Authorization", basic(CRISIS_USER, CRISIS_PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTokenScopedToOneExerciseDoesNotHoldInAnother() throws Exception {
        mvc.perform(get("/api/exercises/oef-a/probe").with(token(VOLUNTEER_V9_IN_OEF_A))).andExpect(status().isOk())
                .andExpect(jsonPath("$.user").value("volunteer-v9-oef-a"));
        mvc.perform(get("/api/exercises/oef-b/probe").with(token(VOLUNTEER_V9_IN_OEF_A)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Uw toegang geldt niet voor oefening 'oef-b'."));
        // an unscoped token holds everywhere
        mvc.perform(get("/api/exercises/oef-b/probe").with(token(CRISIS_TEAM))).andExpect(status().isOk());
    }
}
