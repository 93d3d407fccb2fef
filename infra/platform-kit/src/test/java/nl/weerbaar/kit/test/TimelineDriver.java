package nl.weerbaar.kit.test;

import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A trainer at the real outage-timeline service, started as a companion in the test JVM: plays exercises and sends
 * clock commands, so the services downstream are tested with the events the timeline really publishes.
 */
public final class TimelineDriver {

    private final MockMvc timeline;

    private TimelineDriver(MockMvc timeline) {
        this.timeline = timeline;
    }

    /** {@code application} is the outage-timeline's application class (the kit cannot depend on the service). */
    public static TimelineDriver start(Class<?> application, String brokers) {
        ConfigurableApplicationContext context = CompanionServices.start(application, "outage-timeline", brokers);
        return new TimelineDriver(CompanionServices.mvc(context));
    }

    public MockMvc mvc() {
        return timeline;
    }

    /**
     * Starts a new exercise of {@code scenarioId} at {@code speed} and waits until {@code ready} holds for it (for
     * instance: the service under test has taken in its scenario). Returns the exercise id.
     */
    public String play(String scenarioId, double speed, Duration patience, ReadyCheck ready) throws Exception {
        String id = "oef-" + UUID.randomUUID().toString().substring(0, 13);
        command("/api/exercises", "{\"scenarioId\":\"" + scenarioId + "\",\"exerciseId\":\"" + id
                + "\",\"speed\":" + speed + ",\"autoStart\":true}").andExpect(status().isAccepted());
        await().atMost(patience).until(() -> ready.isReady(id));
        return id;
    }

    /**
     * Uploads a test's own scenario as a trainer would, from {@code /uploaded-scenarios/{scenarioId}.yaml} on the
     * test classpath (not {@code scenarios/}, which would shadow the timeline's own), unless the timeline has it
     * already: it keeps uploaded scenarios for the rest of the JVM.
     */
    public void upload(String scenarioId) throws Exception {
        int known = timeline.perform(get("/api/scenarios/" + scenarioId).with(token(TRAINER))).andReturn()
                .getResponse().getStatus();
        if (known == 404) {
            try (InputStream in = TimelineDriver.class.getResourceAsStream("/uploaded-scenarios/" + scenarioId
                    + ".yaml")) {
                timeline.perform(post("/api/scenarios").with(token(TRAINER)).contentType("application/yaml")
                        .content(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                        .andExpect(status().isCreated());
            }
        }
    }

    /** A trainer's command, e.g. {@code /api/exercises/{id}/pause}; {@code json} null for an empty body. */
    public ResultActions command(String path, String json) throws Exception {
        return timeline.perform(post(path).with(token(TRAINER)).contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    /** When a played exercise counts as started for the test. */
    @FunctionalInterface
    public interface ReadyCheck {
        boolean isReady(String exerciseId) throws Exception;
    }
}
