package nl.weerbaar.outagetimeline.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The set-up of an exercise stopped after its first step (the run stored, then the service killed before the inject
 * plan, the world and the auto-start) and its created event delivered again: the set-up finishes where it stopped,
 * each step once.
 */
@WeerbaarIntegrationTest
class ResumableSetUpTest extends TimelineTestSupport {

    @Autowired EventPublisher publisher;

    @Test
    void aCreatedEventDeliveredAgainAfterTheFirstStepFinishesTheSetUpOnce() {
        String id = "oef-resume-" + UUID.randomUUID().toString().substring(0, 8);
        ExerciseCreated created = new ExerciseCreated(id, "klein-testscenario", "Klein testscenario", 42, 2000, 0,
                6L * 3600, ExerciseStatus.EXERCISE, null, "trainer-test", true);
        long epochMillis = Instant.now().toEpochMilli();
        // the first step of a set-up that died: the run is there, nothing else
        assertThat(runs.create(ExerciseRun.created(created, Instant.now(), 0, epochMillis))).isTrue();
        assertThat(plan.of(id)).isEmpty();

        publisher.publish(id, created, new EventContext(id, ExerciseStatus.EXERCISE, 0, null, null, epochMillis));

        awaitState(id, ExerciseState.FINISHED);
        awaitEnd(id);
        assertThat(events(id, EventType.SCENARIO_LOADED)).hasSize(1);
        assertThat(plan.of(id)).extracting(p -> p.inject().id()).containsExactly("stroomuitval", "verkeerslichten",
                "ziekenhuis-aggregaat", "112-onbereikbaar", "ziekenhuis-bijgetankt", "herstel");
        assertThat(events(id, EventType.EXERCISE_STATE_CHANGED)).extracting(r -> payload(r).path("reason").asText())
                .containsExactly("auto-start", "end");
        assertThat(events(id, EventType.INJECT_FIRED)).hasSize(6);
    }
}
