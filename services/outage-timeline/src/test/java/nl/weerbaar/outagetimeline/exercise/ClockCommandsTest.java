package nl.weerbaar.outagetimeline.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.events.EventPublisher.Published;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.outagetimeline.exercise.CommandOutcomes.Outcome;
import nl.weerbaar.outagetimeline.exercise.CommandOutcomes.State;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The forwarding instance's side of a clock command, alone (ownership, outcomes and the publisher stand in): how it
 * answers when the driving instance answers, refuses, never takes the command, or takes it and falls silent. That
 * the driving instance applies a forwarded command, and only once, {@code ClockScaleOutTest} shows on two instances.
 */
class ClockCommandsTest {

    private static final String EXERCISE = "oef-forward";
    private static final String COMMAND_ID = "cmd-1";

    private final ExerciseEngine engine = mock(ExerciseEngine.class);
    private final ClockOwnership ownership = mock(ClockOwnership.class);
    private final ExerciseRuns runs = mock(ExerciseRuns.class);
    private final EventPublisher publisher = mock(EventPublisher.class);
    private final CommandOutcomes outcomes = mock(CommandOutcomes.class);
    private final ClockCommands commands = new ClockCommands(engine, ownership, runs, publisher, outcomes,
            new TimelineSettings(300, 25, 100, 60), Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC));

    ClockCommandsTest() {
        when(runs.find(EXERCISE)).thenReturn(Optional.of(new ExerciseRun(EXERCISE, "s", "S", 1, "Exercise", 60, 0,
                72 * 3600, ExerciseState.RUNNING, 600, 600, Instant.parse("2026-12-03T07:59:50Z"), null, "trainer",
                Instant.EPOCH, 1, 0, null, null)));
        when(publisher.publish(eq(EventType.CLOCK_COMMAND_SUBMITTED), eq(EXERCISE), any(), any())).thenReturn(COMMAND_ID);
    }

    @Test
    void theDrivingInstancesAnswerIsTheTrainersAnswer() {
        Published paused = new Published("evt-1", EventType.EXERCISE_STATE_CHANGED, 1, 42);
        when(outcomes.find(COMMAND_ID)).thenReturn(Optional.empty(), Optional.of(outcome(State.CLAIMED)),
                Optional.of(new Outcome(COMMAND_ID, State.DONE, "evt-1", EventType.EXERCISE_STATE_CHANGED.type(), 1, 42,
                        0, null, List.of(), Instant.EPOCH)));

        assertThat(commands.submit(ClockCommand.PAUSE.on(EXERCISE, "trainer"))).isEqualTo(paused);
        verify(engine, never()).pause(anyString()); // applied elsewhere, not here
    }

    @Test
    void itsRefusalToo() {
        when(outcomes.find(COMMAND_ID)).thenReturn(Optional.of(new Outcome(COMMAND_ID, State.REFUSED, null, null, 0, 0,
                409, "exercise.transition", List.of("pause", "PAUSED", EXERCISE), Instant.EPOCH)));

        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> commands.submit(ClockCommand.PAUSE.on(EXERCISE, "trainer")));
        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.code()).isEqualTo("exercise.transition");
        assertThat(refused.args()).containsExactly("pause", "PAUSED", EXERCISE);
    }

    @Test
    void aCommandNobodyTookInTimeIsAbandonedSoItNeverTakesEffectAfterTheTrainerWasToldItDidNot() {
        when(outcomes.find(COMMAND_ID)).thenReturn(Optional.empty());
        when(outcomes.abandon(COMMAND_ID)).thenReturn(true);

        ApiException unavailable = catchThrowableOfType(ApiException.class,
                () -> commands.submit(ClockCommand.STOP.on(EXERCISE, "trainer")));
        assertThat(unavailable.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(unavailable.code()).isEqualTo("exercise.clock-unavailable");
        verify(outcomes).abandon(COMMAND_ID);
    }

    @Test
    void aCommandTakenButNeverAnsweredIsReportedAsPendingNotAsFailed() {
        when(outcomes.find(COMMAND_ID)).thenReturn(Optional.of(outcome(State.CLAIMED)));
        when(outcomes.abandon(COMMAND_ID)).thenReturn(false);

        ApiException pending = catchThrowableOfType(ApiException.class,
                () -> commands.submit(ClockCommand.STOP.on(EXERCISE, "trainer")));
        assertThat(pending.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(pending.code()).isEqualTo("exercise.command-pending");
    }

    @Test
    void anInstanceThatComesToDriveTheClockWhileWaitingAppliesTheCommandItself() {
        Published resumed = new Published("evt-2", EventType.EXERCISE_STATE_CHANGED, 0, 7);
        when(ownership.drives(EXERCISE)).thenReturn(false, true);
        when(outcomes.find(COMMAND_ID)).thenReturn(Optional.empty(), Optional.of(new Outcome(COMMAND_ID, State.DONE,
                "evt-2", EventType.EXERCISE_STATE_CHANGED.type(), 0, 7, 0, null, List.of(), Instant.EPOCH)));
        when(outcomes.claim(COMMAND_ID)).thenReturn(true);
        when(engine.resume(EXERCISE)).thenReturn(resumed);

        assertThat(commands.submit(ClockCommand.RESUME.on(EXERCISE, "trainer"))).isEqualTo(resumed);
        verify(outcomes).done(COMMAND_ID, resumed);
    }

    @Test
    void theDrivingInstanceAppliesAtOnce() {
        Published started = new Published("evt-3", EventType.EXERCISE_STATE_CHANGED, 0, 1);
        when(ownership.drives(EXERCISE)).thenReturn(true);
        when(engine.start(EXERCISE, "start")).thenReturn(started);

        assertThat(commands.submit(ClockCommand.START.on(EXERCISE, "trainer"))).isEqualTo(started);
        verify(publisher, never()).publish(any(EventType.class), anyString(), any(), any());
    }

    private static Outcome outcome(State state) {
        return new Outcome(COMMAND_ID, state, null, null, 0, 0, 0, null, List.of(), Instant.EPOCH);
    }
}
