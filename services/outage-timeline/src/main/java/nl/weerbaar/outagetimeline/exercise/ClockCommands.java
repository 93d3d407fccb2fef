package nl.weerbaar.outagetimeline.exercise;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.exercise.ClockCommandSubmitted;
import nl.weerbaar.contracts.scenario.Inject;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.events.EventPublisher.Published;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where a trainer's clock and inject-plan commands go. One instance drives an exercise's clock (see
 * {@link ClockOwnership}); a command that reaches it is applied at once. One that reaches another instance is
 * forwarded on {@code weerbaar.exercise-commands.v1} to the driving one, and the trainer gets its answer — the event
 * it published, or its refusal — when it has applied it. Were two instances to apply commands, their catch-up to
 * "now" would publish the clock's events twice.
 */
@Component
class ClockCommands {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ExerciseEngine engine;
    private final ClockOwnership ownership;
    private final ExerciseRuns runs;
    private final EventPublisher publisher;
    private final CommandOutcomes outcomes;
    private final TimelineSettings settings;
    private final Clock clock;

    ClockCommands(ExerciseEngine engine, ClockOwnership ownership, ExerciseRuns runs, EventPublisher publisher,
                  CommandOutcomes outcomes, TimelineSettings settings, Clock clock) {
        this.engine = engine;
        this.ownership = ownership;
        this.runs = runs;
        this.publisher = publisher;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
    }

    Published submit(ClockCommandSubmitted command) {
        if (ownership.drives(command.exerciseId())) {
            return ClockCommand.apply(engine, command);
        }
        ExerciseRun run = runs.find(command.exerciseId())
                .orElseThrow(() -> ApiException.notFound("exercise.unknown", command.exerciseId()));
        long now = run.scenarioTimeAt(clock.instant());
        String commandId = publisher.publish(EventType.CLOCK_COMMAND_SUBMITTED, run.exerciseId(),
                timed(command, now), Timeline.context(run, now));
        return answer(commandId, command);
    }

    /** A forwarded command, read from the topic: applied here when this instance drives the clock and nobody did. */
    void forwarded(String commandId, ClockCommandSubmitted command) {
        if (ownership.drives(command.exerciseId())) {
            applyOnce(commandId, command);
        }
    }

    /**
     * Waits for the driving instance's answer. Should this instance itself come to drive the clock meanwhile (it
     * has just taken the partition over), it applies the command itself.
     */
    private Published answer(String commandId, ClockCommandSubmitted command) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.commandWaitMs());
        boolean waitedForClaim = false;
        while (true) {
            var outcome = outcomes.find(commandId);
            if (outcome.isPresent()) {
                switch (outcome.get().state()) {
                    case DONE -> {
                        return outcome.get().published();
                    }
                    case REFUSED -> throw outcome.get().refusal();
                    case ABANDONED -> throw unavailable("exercise.clock-unavailable", command);
                    case CLAIMED -> {
                        // the driving instance is applying it: wait for its answer
                    }
                }
            } else if (ownership.drives(command.exerciseId())) {
                applyOnce(commandId, command);
                continue;
            }
            if (System.nanoTime() > deadline) {
                if (waitedForClaim) {
                    throw unavailable("exercise.command-pending", command);
                }
                if (outcomes.abandon(commandId)) {
                    throw unavailable("exercise.clock-unavailable", command);
                }
                waitedForClaim = true; // claimed just now: give the driving instance another while to answer
                deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.commandWaitMs());
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void applyOnce(String commandId, ClockCommandSubmitted command) {
        if (!outcomes.claim(commandId)) {
            return;
        }
        try {
            outcomes.done(commandId, ClockCommand.apply(engine, command));
        } catch (ApiException refusal) {
            outcomes.refused(commandId, refusal);
        } catch (RuntimeException e) {
            outcomes.release(commandId); // e.g. the broker briefly away: the next attempt may apply it
            throw e;
        }
    }

    /** "Now", for an ad-hoc inject without a time, is when the trainer sent it, not when the driving instance reads it. */
    private static ClockCommandSubmitted timed(ClockCommandSubmitted c, long now) {
        Inject inject = c.inject();
        if (inject == null || inject.offsetSeconds() >= 0) {
            return c;
        }
        Inject atNow = new Inject(inject.id(), now, inject.sector(), inject.providerId(), inject.band(),
                inject.effect(), inject.severity(), inject.statusEffect());
        return new ClockCommandSubmitted(c.exerciseId(), c.command(), c.speed(), c.toSeconds(), c.skipInjects(),
                c.injectId(), atNow, c.hold(), c.by());
    }

    private ApiException unavailable(String code, ClockCommandSubmitted command) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, command.command(), command.exerciseId(),
                settings.commandWaitMs() / 1000.0);
    }
}
