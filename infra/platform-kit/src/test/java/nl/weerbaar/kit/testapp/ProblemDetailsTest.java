package nl.weerbaar.kit.testapp;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WeerbaarIntegrationTest
class ProblemDetailsTest {

    @Autowired MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void aValidationErrorNamesTheFieldInDutchByDefaultAndPublishesNothing() throws Exception {
        String exerciseId = "oef-invalid-" + UUID.randomUUID();
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"exerciseId\":\"" + exerciseId + "\",\"speed\":-3,\"seed\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Ongeldig verzoek"))
                .andExpect(jsonPath("$.detail").value(containsString("De invoer is ongeldig: speed")))
                .andExpect(jsonPath("$.errors[0].field").value("speed"));

        try (TopicRecorder topic = new TopicRecorder(brokers, Topics.EXERCISE)) {
            // the valid request below is published after the invalid one; once it is there, the invalid one would be too
            mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"exerciseId\":\"" + exerciseId + "-ok\",\"speed\":1,\"seed\":1}"))
                    .andExpect(status().isAccepted());
            org.awaitility.Awaitility.await().until(() -> topic.records().stream()
                    .anyMatch(r -> (exerciseId + "-ok").equals(r.key())));
            assertThat(topic.records()).noneMatch(r -> exerciseId.equals(r.key()));
        }
    }

    @Test
    void englishOnRequest() throws Exception {
        mvc.perform(post("/api/probes").with(token(TRAINER)).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"exerciseId\":\"\",\"speed\":1,\"seed\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.detail").value(containsString("The input is not valid: exerciseId")))
                .andExpect(jsonPath("$.errors[0].field").value("exerciseId"));
    }

    @Test
    void dutchUnlessEnglishIsAskedForFieldMessagesIncluded() throws Exception {
        String body = "{\"exerciseId\":\"x\",\"speed\":-1,\"seed\":1,\"kind\":\"party\"}";
        for (String accept : new String[] {"fr", "*", "de-DE, fr;q=0.9", "en;q=0, fr"}) {
            mvc.perform(post("/api/probes").with(token(TRAINER)).header("Accept-Language", accept)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Ongeldig verzoek"))
                    .andExpect(jsonPath("$.errors[?(@.field=='speed')].message").value("moet groter dan 0 zijn"))
                    .andExpect(jsonPath("$.errors[?(@.field=='kind')].message")
                            .value("moet een van deze zijn: drill|test"));
        }
        mvc.perform(post("/api/probes").with(token(TRAINER)).header("Accept-Language", "fr, en-GB;q=0.8")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad request"))
                .andExpect(jsonPath("$.errors[?(@.field=='speed')].message").value("must be greater than 0"))
                .andExpect(jsonPath("$.errors[?(@.field=='kind')].message").value("must be one of: drill|test"));
    }

    @Test
    void aParameterOrHeaderOfTheWrongTypeIsNamed() throws Exception {
        mvc.perform(get("/api/probes/x").param("at", "abc").with(token(TRAINER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("at"))
                .andExpect(jsonPath("$.detail").value(containsString("at: heeft een waarde van het verkeerde type")));
        mvc.perform(get("/api/probes/x").header("Last-Event-ID", "abc").with(token(TRAINER)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Last-Event-ID"));
    }

    @Test
    void aBodyOfTheWrongTypeNamesTheField() throws Exception {
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"exerciseId\":\"x\",\"speed\":\"fast\",\"seed\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("speed"));
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("body-unreadable"));
    }

    @Test
    void aValueOfAnotherJsonTypeOrBeyondADoublesRangeIsRefusedNotCoerced() throws Exception {
        for (String[] bad : new String[][] {
                {"\"exerciseId\":\"x\",\"speed\":1e309,\"seed\":1", "speed"}, // Infinity: no contract carries it
                {"\"exerciseId\":\"x\",\"speed\":\"2\",\"seed\":1", "speed"}, // text is no number
                {"\"exerciseId\":\"x\",\"speed\":true,\"seed\":1", "speed"},
                {"\"exerciseId\":\"x\",\"speed\":1,\"seed\":1.5", "seed"}, // no integer
                {"\"exerciseId\":5,\"speed\":1,\"seed\":1", "exerciseId"}}) { // a number is no text
            mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                            .content("{" + bad[0] + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[1]));
        }
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"exerciseId\":\"oef-strict-" + UUID.randomUUID() + "\",\"speed\":1e300,\"seed\":2}"))
                .andExpect(status().isAccepted());
    }

    @Test
    void aBodyBeyondTheLimitIs413AndPublishesNothingDeclaredOrNot() throws Exception {
        String exerciseId = "oef-large-" + UUID.randomUUID();
        String large = "{\"exerciseId\":\"" + exerciseId + "\",\"speed\":1,\"seed\":1,\"note\":\""
                + "x".repeat(300 * 1024) + "\"}";
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON).content(large))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("body-too-large"))
                .andExpect(jsonPath("$.detail").value(containsString("256 KB")));
        // sent without a length (chunked): refused while it is read
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON).content(large)
                        .with(withoutDeclaredLength()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("body-too-large"));
        // a small body without a length goes through as before
        mvc.perform(post("/api/probes").with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"exerciseId\":\"" + exerciseId + "-ok\",\"speed\":1,\"seed\":1}")
                        .with(withoutDeclaredLength()))
                .andExpect(status().isAccepted());
        try (TopicRecorder topic = new TopicRecorder(brokers, Topics.EXERCISE)) {
            org.awaitility.Awaitility.await().until(() -> topic.records().stream()
                    .anyMatch(r -> (exerciseId + "-ok").equals(r.key())));
            assertThat(topic.records()).noneMatch(r -> exerciseId.equals(r.key()));
        }
    }

    /** The request as a client sends it chunked: its body without a declared length. */
    private static org.springframework.test.web.servlet.request.RequestPostProcessor withoutDeclaredLength() {
        return request -> {
            org.springframework.mock.web.MockHttpServletRequest chunked =
                    new org.springframework.mock.web.MockHttpServletRequest(request.getServletContext(),
                            request.getMethod(), request.getRequestURI()) {
                        @Override
                        public long getContentLengthLong() {
                            return -1;
                        }

                        @Override
                        public int getContentLength() {
                            return -1;
                        }
                    };
            java.util.Collections.list(request.getHeaderNames()).forEach(name ->
                    java.util.Collections.list(request.getHeaders(name)).forEach(v -> chunked.addHeader(name, v)));
            chunked.setContentType(request.getContentType());
            chunked.setContent(request.getContentAsByteArray());
            return chunked;
        };
    }

    @Test
    void anUnknownEntityIs404WithAMessageThatSaysWhich() throws Exception {
        mvc.perform(get("/api/probes/nope").with(token(TRAINER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Geen probe voor oefening 'nope'."))
                .andExpect(jsonPath("$.type").value("https://weerbaar.nl/problems/probe.unknown"));
    }

    @Test
    void anUnknownPathIsAProblemToo() throws Exception {
        mvc.perform(get("/api/nothing-here").with(token(TRAINER)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Niet gevonden"));
    }
}
