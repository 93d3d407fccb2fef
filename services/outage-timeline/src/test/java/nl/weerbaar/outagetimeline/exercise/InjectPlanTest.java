package nl.weerbaar.outagetimeline.exercise;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static nl.weerbaar.kit.test.TestAuth.TRAINER;
import static nl.weerbaar.kit.test.TestAuth.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.test.TopicRecorder;
import nl.weerbaar.kit.test.TopicRecorder.RawRecord;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.outagetimeline.exercise.PlannedInject.Status;
import org.junit.jupiter.api.Test;

@WeerbaarIntegrationTest
class InjectPlanTest extends TimelineTestSupport {

    @Test
    void trainersAddHoldCancelAndFireInjectsLive() throws Exception {
        String id = create("\"speed\":1,\"autoStart\":true");
        awaitState(id, ExerciseState.RUNNING);
        send("/api/exercises/" + id + "/injects", """
                {"id":"brug-dicht","offsetSeconds":6000,"sector":"wegen","providerId":"rws-wegen",
                 "effectNl":"Brug bij Heesch blijft open staan","effectEn":"Bridge near Heesch stays open",
                 "severity":"moderate","statusEffect":{"effect":"degraded","providerId":"rws-wegen"}}""")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.injectId").value("brug-dicht"));
        send("/api/exercises/" + id + "/injects/112-onbereikbaar/hold", "").andExpect(status().isAccepted());
        send("/api/exercises/" + id + "/injects/ziekenhuis-bijgetankt/cancel", "").andExpect(status().isAccepted());

        send("/api/exercises/" + id + "/jump", "{\"toSeconds\":9000}").andExpect(status().isAccepted());
        await().atMost(PATIENCE).until(() -> events(id, EventType.INJECT_FIRED).size() == 4);
        assertThat(events(id, EventType.INJECT_FIRED)).extracting(r -> payload(r).at("/inject/id").asText())
                .containsExactly("stroomuitval", "verkeerslichten", "ziekenhuis-aggregaat", "brug-dicht");
        assertThat(payload(events(id, EventType.INJECT_FIRED).getLast()).path("origin").asText()).isEqualTo("ad-hoc");
        assertThat(plan.find(id, "112-onbereikbaar").orElseThrow().status()).isEqualTo(Status.HELD);
        assertThat(plan.find(id, "ziekenhuis-bijgetankt").orElseThrow().status()).isEqualTo(Status.CANCELLED);

        // a held inject fires by hand, once
        send("/api/exercises/" + id + "/injects/112-onbereikbaar/fire", "").andExpect(status().isAccepted());
        RawRecord manual = await().atMost(PATIENCE).until(() -> events(id, EventType.INJECT_FIRED),
                r -> r.size() == 5).getLast();
        assertThat(payload(manual).path("trigger").asText()).isEqualTo("manual");
        assertThat(scenarioTime(manual)).isGreaterThanOrEqualTo(9000);
        send("/api/exercises/" + id + "/injects/112-onbereikbaar/fire", "").andExpect(status().isConflict());
        send("/api/exercises/" + id + "/injects/112-onbereikbaar/hold", "").andExpect(status().isConflict());
        send("/api/exercises/" + id + "/injects/herstel/release", "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("aangehouden")));

        mvc.perform(get("/api/exercises/" + id + "/injects").with(token(TRAINER))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(7))
                .andExpect(jsonPath("$[?(@.inject.id == 'herstel')].status").value("PENDING"));
        mvc.perform(get("/api/exercises/" + id + "/injects").with(token(CRISIS_TEAM))).andExpect(status().isForbidden());
        command(id, "stop").andExpect(status().isAccepted());
        assertThat(awaitEnd(id)).allSatisfy(r -> assertThat(TopicRecorder.violations(r)).isEmpty());
    }

    @Test
    void badInjectCommandsAreRefusedAndPublishNothing() throws Exception {
        String id = create("\"speed\":1");
        int before = events(id).size();
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":600,"sector":"ruimtevaart","effectNl":"x","severity":"minor"}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Sector 'ruimtevaart' komt niet voor in dit scenario."));
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":600,"sector":"telecom","providerId":"kpn-mars","effectNl":"x","severity":"minor"}""")
                .andExpect(status().isUnprocessableEntity());
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":600,"sector":"wegen","providerId":"rws-wegen","effectNl":"x","severity":"minor",
                 "statusEffect":{"effect":"on-backup","providerId":"rws-wegen","hours":1000}}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("statusEffect.hours"));
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":600,"sector":"telecom","effectNl":"x","severity":"huge"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("severity"));
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":99999,"sector":"telecom","effectNl":"x","severity":"minor"}""")
                .andExpect(status().isUnprocessableEntity());
        send("/api/exercises/" + id + "/injects", """
                {"id":"stroomuitval","offsetSeconds":60,"sector":"telecom","effectNl":"x","severity":"minor"}""")
                .andExpect(status().isConflict());
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":600,"sector":"telecom","effectNl":"x","severity":"minor",
                 "statusEffect":{"effect":"down","sector":"ruimtevaart"}}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("Sector 'ruimtevaart' komt niet voor in dit scenario."));
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":600,"sector":"telecom","providerId":"mobiel-netwerk","effectNl":"x","severity":"minor",
                 "statusEffect":{"effect":"down"}}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("noemt geen aanbieder")));
        send("/api/exercises/" + id + "/injects/bestaat-niet/hold", "").andExpect(status().isNotFound());
        send("/api/exercises/nergens/injects/x/hold", "").andExpect(status().isNotFound());

        // a marker proves the topic was read past the refused commands
        send("/api/exercises/" + id + "/injects/herstel/hold", "").andExpect(status().isAccepted());
        List<RawRecord> after = await().atMost(PATIENCE).until(() -> events(id),
                r -> r.stream().anyMatch(x -> x.type().equals(EventType.INJECT_PLAN_CHANGED.type())));
        assertThat(after).hasSize(Math.max(before, 2) + 1);
        assertThat(after.getLast().type()).isEqualTo(EventType.INJECT_PLAN_CHANGED.type());
    }

    @Test
    void anInjectTimeThatTheClockHasPassedIsRefused() throws Exception {
        String id = create("\"speed\":1,\"startOffsetSeconds\":7200");
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":600,"sector":"telecom","effectNl":"x","severity":"minor"}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("al voorbij")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("de oefening is op T+2:00")));
        send("/api/exercises/" + id + "/injects", """
                {"offsetSeconds":9000,"sector":"telecom","effectNl":"x","severity":"minor"}""")
                .andExpect(status().isAccepted());
    }
}
