package nl.weerbaar.kit.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The test principals of {@code weerbaar-test-security.properties} and how to send them. */
public final class TestAuth {

    public static final String TRAINER = "trainer-token";
    public static final String CRISIS_TEAM = "crisis-token";
    /** Provider role for provider {@code enexis} only. */
    public static final String PROVIDER_ENEXIS = "provider-enexis-token";
    /** NSP operator at {@code nsp-heesch} only. */
    public static final String NSP_HEESCH = "nsp-heesch-token";
    public static final String COORDINATOR = "coordinator-token";
    /** Volunteer {@code v-1}. */
    public static final String VOLUNTEER_V1 = "volunteer-v1-token";
    /** Volunteer {@code v-9}, in exercise {@code oef-a} only. */
    public static final String VOLUNTEER_V9_IN_OEF_A = "volunteer-v9-oef-a-token";
    /** Observer {@code waarnemer}: notes and scores. */
    public static final String OBSERVER = "observer-token";
    /** Metrics and health details only. */
    public static final String MONITOR = "monitor-token";
    public static final String CRISIS_USER = "crisisteam";
    public static final String CRISIS_PASSWORD = "crisis-password";

    private TestAuth() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** MockMvc: authenticate the request with a bearer token. */
    public static RequestPostProcessor token(String token) {
        return request -> {
            request.addHeader("Authorization", bearer(token));
            return request;
        };
    }
}
