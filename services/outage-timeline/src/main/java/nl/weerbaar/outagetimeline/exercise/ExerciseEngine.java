package nl.weerbaar.outagetimeline.exercise;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.exercise.ClockCommandSubmitted;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.InjectPlanChanged;
import nl.weerbaar.contracts.exercise.MessageSent;
import nl.weerbaar.contracts.scenario.Inject;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher.Published;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.outagetimeline.exercise.PlannedInject.Status;
import nl.weerbaar.outagetimeline.scenario.Scenario;
import nl.weerbaar.outagetimeline.scenario.ScenarioWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The exercise clock. Commands (start, pause, speed, jump, inject changes) and the scheduler's steps run one at a
 * time, so the events of an exercise go out in scenario-time order. Every change is first an event on the exercise
 * topic; the state in MongoDB follows from it (applied here at once, and again — harmlessly — by the listener).
 */
@Component
public class ExerciseEngine {

    /** The most scenario time one batch of the running clock drafts and publishes (see {@link #play}). */
    static final long MAX_BATCH_SECONDS = 3600;

    private static final Logger log = LoggerFactory.getLogger(ExerciseEngine.class);

    private final ExerciseRuns runs;
    private final InjectPlan plan;
    private final Timeline timeline;
    private final EmittedEvents emitted;
    private final EventPublisher publisher;
    private final ClockMarks marks;
    private final TakenDecisions decisions;
    private final Clock clock;

    ExerciseEngine(ExerciseRuns runs, InjectPlan plan, Timeline timeline, EmittedEvents emitted,
                   EventPublisher publisher, ClockMarks marks, TakenDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.runs = runs;
        this.plan = plan;
        this.timeline = timeline;
        this.emitted = emitted;
        this.publisher = publisher;
        this.marks = marks;
        this.clock = clock;
    }

    /**
     * Sets up a created exercise in steps — its run, its inject plan, its world, the auto-start — each of which is
     * skipped when it is done already. A created event delivered again after a failure between steps (the service
     * killed, MongoDB or the broker away) so finishes the set-up instead of leaving an exercise without its world.
     */
    synchronized void setUp(ExerciseCreated created, String createdEventId, long offset, long epochMillis) {
        runs.create(ExerciseRun.created(created, clock.instant(), offset, epochMillis));
        ExerciseRun run = runs.find(created.exerciseId()).orElseThrow();
        if (!run.isReplay()) {
            Scenario scenario = timeline.scenario(run);
            for (Scenario.ScenarioInject i : scenario.injects()) {
                Inject inject = new Inject(i.id(), i.offsetSeconds(), i.sector(), i.providerId(),
                        i.band() != null ? i.band() : ScenarioTime.band(i.offsetSeconds()), i.effect(), i.severity(),
                        i.statusEffect());
                plan.plan(new PlannedInject(PlannedInject.key(run.exerciseId(), i.id()), run.exerciseId(), inject,
                        "scenario", i.isHeld() ? Status.HELD : Status.PENDING, null, null, -1));
            }
            String id = EventIds.derived(run.exerciseId(), "scenario-loaded");
            if (!emitted.contains(id)) {
                publisher.publishWithId(id, run.exerciseId(), ScenarioWorld.resolve(scenario, run.exerciseId(),
                        run.seed()), Timeline.context(run, run.startOffsetSeconds()).withCause(createdEventId));
                emitted.add(id, run.exerciseId());
            }
        }
        if (run.isBranch()) {
            decisions.list(run.branchOf()).stream().filter(d -> d.atSeconds() < run.branchAtSeconds())
                    .forEach(d -> decisions.remember(d.in(run.exerciseId())));
        }
        String autoStart = EventIds.derived(run.exerciseId(), "auto-start");
        if (Boolean.TRUE.equals(created.autoStart()) && run.state() == ExerciseState.CREATED
                && !emitted.contains(autoStart)) {
            start(run, autoStart, "auto-start");
            emitted.add(autoStart, run.exerciseId());
            if (run.isBranch()) {
                // a branch plays on to its moment as a jump does (the population living every hour), then waits
                // there for what the trainer or the crisis team does differently
                jump(run.exerciseId(), run.branchAtSeconds(), false);
                ExerciseRun there = runs.find(run.exerciseId()).orElseThrow();
                change(there, ExerciseState.PAUSED, there.positionSeconds(), there.speed(), "branch",
                        EventIds.derived(run.exerciseId(), "branch-pause"));
            }
        }
    }

    synchronized Published start(String exerciseId, String reason) {
        return start(require(exerciseId, "start", ExerciseState.CREATED), UUID.randomUUID().toString(), reason);
    }

    private Published start(ExerciseRun run, String eventId, String reason) {
        if (!run.isReplay() && run.startOffsetSeconds() > 0) {
            play(run, 0, run.startOffsetSeconds() - 1, PlayMode.CATCH_UP);
        }
        return change(run, ExerciseState.RUNNING, run.positionSeconds(), run.speed(), reason, eventId);
    }

    synchronized Published pause(String exerciseId) {
        ExerciseRun run = catchUp(require(exerciseId, "pause", ExerciseState.RUNNING));
        return change(run, ExerciseState.PAUSED, run.positionSeconds(), run.speed(), "pause");
    }

    synchronized Published resume(String exerciseId) {
        ExerciseRun run = require(exerciseId, "resume", ExerciseState.PAUSED);
        return change(run, ExerciseState.RUNNING, run.positionSeconds(), run.speed(), "resume");
    }

    synchronized Published stop(String exerciseId) {
        ExerciseRun run = require(exerciseId, "stop", ExerciseState.CREATED, ExerciseState.RUNNING,
                ExerciseState.PAUSED);
        run = catchUp(run);
        timeline.forget(exerciseId);
        return change(run, ExerciseState.STOPPED, run.positionSeconds(), run.speed(), "stop");
    }

    synchronized Published speed(String exerciseId, double speed) {
        ExerciseRun run = catchUp(require(exerciseId, "speed", ExerciseState.RUNNING, ExerciseState.PAUSED,
                ExerciseState.CREATED));
        return change(run, run.state(), run.positionSeconds(), speed, "speed");
    }

    /** Jumps forward to {@code toSeconds}; skipped injects fire in order, or are marked skipped. */
    synchronized Published jump(String exerciseId, long toSeconds, boolean skipInjects) {
        ExerciseRun run = catchUp(require(exerciseId, "jump", ExerciseState.RUNNING, ExerciseState.PAUSED));
        if (toSeconds <= run.positionSeconds()) {
            throw ApiException.conflict("exercise.jump-backwards", ScenarioTime.format(toSeconds),
                    ScenarioTime.format(run.positionSeconds()));
        }
        if (toSeconds > run.durationSeconds()) {
            throw ApiException.unprocessable("exercise.jump-beyond-end", ScenarioTime.format(toSeconds),
                    ScenarioTime.format(run.durationSeconds()));
        }
        play(run, run.positionSeconds(), toSeconds, skipInjects ? PlayMode.JUMP_SKIPPING : PlayMode.JUMP);
        if (toSeconds >= run.durationSeconds()) {
            return change(run, ExerciseState.FINISHED, toSeconds, run.speed(), "end");
        }
        return change(run, run.state(), toSeconds, run.speed(), "jump");
    }

    /** Adds an ad-hoc inject; a negative offset means now. Its band follows from its time. */
    synchronized Published addInject(String exerciseId, Inject inject, boolean hold, String trainer) {
        ExerciseRun run = requireLive(exerciseId, "add-inject");
        if (plan.find(exerciseId, inject.id()).isPresent()) {
            throw ApiException.conflict("inject.exists", inject.id());
        }
        long now = run.scenarioTimeAt(clock.instant());
        if (inject.offsetSeconds() >= 0 && inject.offsetSeconds() < now) {
            // it would never fire as planned: the clock has passed it (give no time for "now")
            throw ApiException.unprocessable("inject.in-the-past", ScenarioTime.format(inject.offsetSeconds()),
                    ScenarioTime.format(now));
        }
        long at = inject.offsetSeconds() < 0 ? now : inject.offsetSeconds(); // no time given: now
        Inject timed = new Inject(inject.id(), at, inject.sector(), inject.providerId(), ScenarioTime.band(at),
                inject.effect(), inject.severity(), inject.statusEffect());
        if (timed.offsetSeconds() > run.durationSeconds()) {
            throw ApiException.unprocessable("inject.beyond-end", ScenarioTime.format(timed.offsetSeconds()));
        }
        InjectPlanChanged added = new InjectPlanChanged(exerciseId, inject.id(), "added", timed, null, trainer);
        Published published = publish(run, added, now);
        plan.applyChange(added, published.offset());
        if (hold) {
            return changePlan(run, inject.id(), "held", trainer, Status.PENDING);
        }
        return published;
    }

    synchronized Published hold(String exerciseId, String injectId, String trainer) {
        return changePlan(requireLive(exerciseId, "hold"), injectId, "held", trainer, Status.PENDING);
    }

    synchronized Published release(String exerciseId, String injectId, String trainer) {
        return changePlan(requireLive(exerciseId, "release"), injectId, "released", trainer, Status.HELD);
    }

    synchronized Published cancel(String exerciseId, String injectId, String trainer) {
        return changePlan(requireLive(exerciseId, "cancel"), injectId, "cancelled", trainer, Status.PENDING,
                Status.HELD);
    }

    /** Fires a pending or held inject now, by hand. */
    synchronized Published fire(String exerciseId, String injectId) {
        ExerciseRun run = catchUp(require(exerciseId, "fire", ExerciseState.RUNNING, ExerciseState.PAUSED));
        PlannedInject planned = openInject(exerciseId, injectId, Status.PENDING, Status.HELD);
        long now = run.positionSeconds();
        InjectFired fired = new InjectFired(exerciseId, planned.inject().at(now), planned.origin(), "manual");
        String id = EventIds.derived(exerciseId, "inject", injectId);
        Published published = publisher.publishWithId(id, exerciseId, fired, Timeline.context(run, now));
        emitted.add(id, exerciseId);
        plan.applyFired(fired, now, published.offset());
        return published;
    }

    /** One step of the scheduler: play every running exercise this instance drives up to its scenario time now. */
    synchronized void step(Predicate<String> driven) {
        for (ExerciseRun run : runs.running()) {
            if (!driven.test(run.exerciseId())) {
                continue;
            }
            try {
                catchUp(run);
            } catch (RuntimeException e) {
                // one exercise's trouble (e.g. the broker briefly away) must not stop the others; retried next step
                log.warn("exercise {} could not advance: {}", run.exerciseId(), e.toString());
            }
        }
    }

    /**
     * After a restart or a take-over from another instance: running exercises go on from where they were played up
     * to, not from where the wall clock would put them.
     */
    synchronized void resume(Predicate<String> taken) {
        for (ExerciseRun run : runs.running()) {
            if (!taken.test(run.exerciseId())) {
                continue;
            }
            change(run, ExerciseState.RUNNING, run.positionSeconds(), run.speed(), "resumed-after-restart");
        }
    }

    /**
     * Runs {@code action} between commands and steps, none under way: what the engine publishes after it sees the
     * action's effect, nothing from before.
     */
    synchronized void between(Runnable action) {
        action.run();
    }

    /** Plays a running exercise up to now; finishes it at the end. Returns its state afterwards. */
    private ExerciseRun catchUp(ExerciseRun run) {
        if (run.state() != ExerciseState.RUNNING) {
            return run;
        }
        long now = run.scenarioTimeAt(clock.instant());
        // inclusive of the position itself: what was published there already is recognised by its derived id
        play(run, run.positionSeconds(), now, PlayMode.PLAY);
        ExerciseRun played = runs.find(run.exerciseId()).orElseThrow();
        if (now >= run.durationSeconds()) {
            change(played, ExerciseState.FINISHED, run.durationSeconds(), run.speed(), "end");
            timeline.forget(run.exerciseId());
            marks.forget(run.exerciseId());
            return runs.find(run.exerciseId()).orElseThrow();
        }
        return played;
    }

    /**
     * Plays {@code [from, to]}: in batches of at most {@link #MAX_BATCH_SECONDS} of scenario time when the clock runs,
     * so a fast clock that is far behind (at maximum speed: the whole exercise in one step) never drafts all of it at
     * once. A national exercise's population event of one hour is megabytes; 72 of them in one batch exhausted the
     * heap. Boundaries are played in both batches; what the first published is recognised by its derived id.
     */
    private void play(ExerciseRun run, long from, long to, PlayMode mode) {
        if (mode != PlayMode.PLAY) {
            playBatch(run, from, to, mode);
            return;
        }
        long start = from;
        long end;
        do {
            end = Math.min(to, start + MAX_BATCH_SECONDS);
            playBatch(run, start, end, mode);
            start = end;
        } while (end < to);
    }

    /**
     * Publishes what is due in {@code [from, to]} and not yet on the record as one batch: one round trip to the
     * broker and two to MongoDB per step, however many events the step holds (a fast clock or a replay).
     */
    private void playBatch(ExerciseRun run, long from, long to, PlayMode mode) {
        List<Outgoing> due = timeline.due(run, from, to, mode);
        Set<String> done = emitted.containing(due.stream().map(Outgoing::eventId).toList());
        List<Outgoing> todo = due.stream().filter(item -> !done.contains(item.eventId())).toList();
        List<EventPublisher.Draft> drafts = new ArrayList<>(todo.stream().map(Outgoing::draft).toList());
        Optional<EventPublisher.Draft> mark = mode == PlayMode.PLAY ? marks.due(run, to) : Optional.empty();
        mark.ifPresent(drafts::add); // last: a reader that sees it has everything before it
        List<Published> published;
        try {
            published = publisher.publishAll(drafts);
        } catch (EventPublisher.PartlyStoredException e) {
            recordPublished(run, todo, e.stored());
            throw e;
        }
        recordPublished(run, todo, published);
        mark.ifPresent(m -> marks.sent(run, to));
        if (mode != PlayMode.CATCH_UP) {
            runs.playedUpTo(run.exerciseId(), to);
        }
    }

    /**
     * Takes a decision of the crisis team onto the exercise topic at the clock's time now, after everything the clock
     * has to publish before it: the simulations read it in scenario-time order, as an inject. Its id follows from the
     * decision's, so taking it twice publishes it once. Refused (409) when the exercise does not run or is a replay.
     */
    synchronized Published decide(Decision decision, String submittedEventId) {
        ExerciseRun run = catchUp(requireLive(decision.exerciseId(), "decide"));
        if (run.state() != ExerciseState.RUNNING && run.state() != ExerciseState.PAUSED) {
            throw ApiException.conflict("exercise.transition", "decide", run.state().name(), run.exerciseId());
        }
        String id = EventIds.derived(run.exerciseId(), "decision", decision.decisionId());
        long now = run.positionSeconds();
        Published published = publisher.publishWithId(id, run.exerciseId(), decision.at(now),
                Timeline.context(run, now).withCause(submittedEventId));
        emitted.add(id, run.exerciseId());
        decisions.remember(decision.at(now));
        return published;
    }

    /**
     * A role player's message from a trainer, to the crisis team now: after everything the clock owes before it.
     * Its id is the trainer's or derived from it, so a message id is used once per exercise.
     */
    synchronized Published sendMessage(String exerciseId, ClockCommandSubmitted.RoleMessage message, String trainer) {
        ExerciseRun run = catchUp(requireLive(exerciseId, "send-message"));
        String id = EventIds.derived(run.exerciseId(), "message", message.id());
        if (emitted.contains(id) || timeline.scenario(run).messages().stream()
                .anyMatch(m -> m.id().equals(message.id()))) {
            throw ApiException.conflict("message.exists", message.id(), exerciseId);
        }
        long now = run.positionSeconds();
        Published published = publisher.publishWithId(id, run.exerciseId(), new MessageSent(run.exerciseId(),
                message.id(), message.from(), message.providerId(), message.text(), MessageSent.FROM_TRAINER, trainer,
                now), Timeline.context(run, now));
        emitted.add(id, run.exerciseId());
        return published;
    }

    /** Remembers the items published (the clock's mark among them is not one: it is not kept). */
    private void recordPublished(ExerciseRun run, List<Outgoing> items, List<Published> published) {
        Map<String, Outgoing> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.eventId(), item));
        List<Published> ofItems = published.stream().filter(p -> byId.containsKey(p.eventId())).toList();
        emitted.addAll(ofItems.stream().map(Published::eventId).toList(), run.exerciseId());
        ofItems.forEach(p -> byId.get(p.eventId()).after().accept(p));
    }

    private Published change(ExerciseRun run, ExerciseState state, long at, double speed, String reason) {
        return change(run, state, at, speed, reason, UUID.randomUUID().toString());
    }

    private Published change(ExerciseRun run, ExerciseState state, long at, double speed, String reason,
                             String eventId) {
        ExerciseStateChanged changed = new ExerciseStateChanged(run.exerciseId(), run.state(), state, at, speed, reason);
        Published published = publisher.publishWithId(eventId, run.exerciseId(), changed, Timeline.context(run, at));
        runs.applyState(changed, published.offset(), clock.instant());
        return published;
    }

    private Published publish(ExerciseRun run, Object payload, long at) {
        EventContext context = Timeline.context(run, at);
        return publisher.publishWithId(UUID.randomUUID().toString(), run.exerciseId(), payload, context);
    }

    private Published changePlan(ExerciseRun run, String injectId, String change, String trainer, Status... from) {
        openInject(run.exerciseId(), injectId, from);
        InjectPlanChanged changed = new InjectPlanChanged(run.exerciseId(), injectId, change, null, null, trainer);
        Published published = publish(run, changed, run.scenarioTimeAt(clock.instant()));
        plan.applyChange(changed, published.offset());
        return published;
    }

    private PlannedInject openInject(String exerciseId, String injectId, Status... allowed) {
        PlannedInject planned = plan.find(exerciseId, injectId)
                .orElseThrow(() -> ApiException.notFound("inject.unknown", injectId, exerciseId));
        if (!List.of(allowed).contains(planned.status())) {
            throw ApiException.conflict("inject.not-" + allowed[0].name().toLowerCase(), injectId,
                    planned.status().name().toLowerCase());
        }
        return planned;
    }

    private ExerciseRun requireLive(String exerciseId, String command) {
        ExerciseRun run = require(exerciseId, command, ExerciseState.CREATED, ExerciseState.RUNNING,
                ExerciseState.PAUSED);
        if (run.isReplay()) {
            throw ApiException.conflict("exercise.replay-is-recording", exerciseId);
        }
        return run;
    }

    private ExerciseRun require(String exerciseId, String command, ExerciseState... allowed) {
        ExerciseRun run = runs.find(exerciseId)
                .orElseThrow(() -> ApiException.notFound("exercise.unknown", exerciseId));
        if (!List.of(allowed).contains(run.state())) {
            throw ApiException.conflict("exercise.transition", command, run.state().name(), exerciseId);
        }
        return run;
    }

}
