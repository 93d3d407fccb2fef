package nl.weerbaar.outagetimeline.exercise;

import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.exercise.MessageSent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.InjectPlanChanged;
import nl.weerbaar.contracts.exercise.PhaseStarted;
import nl.weerbaar.contracts.scenario.Phase;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.outagetimeline.replay.RecordedEvent;
import nl.weerbaar.outagetimeline.replay.RecordingReader;
import nl.weerbaar.outagetimeline.scenario.CrisisTeamDecisions;
import nl.weerbaar.outagetimeline.scenario.PopulationSimulation;
import nl.weerbaar.outagetimeline.scenario.Scenario;
import nl.weerbaar.outagetimeline.scenario.ScenarioCatalog;
import nl.weerbaar.outagetimeline.scenario.VolunteerPoolSimulation;
import org.springframework.stereotype.Component;

/**
 * What an exercise is due to publish between two scenario times: phase markers, injects, population demand and
 * volunteers, ticks — or, for a replay, the recorded events. Every event gets an id derived from what it is, so the
 * same item is the same event however often it is computed.
 */
@Component
class Timeline {

    private final ScenarioCatalog scenarios;
    private final InjectPlan plan;
    private final RecordingReader recordings;
    private final EventPublisher publisher;
    private final Clock clock;
    private final long tickSeconds;
    private final Map<String, List<RecordedEvent>> loadedRecordings = new ConcurrentHashMap<>();
    private final TakenDecisions decisions;

    Timeline(ScenarioCatalog scenarios, InjectPlan plan, RecordingReader recordings, EventPublisher publisher,
             Clock clock, TimelineSettings settings, TakenDecisions decisions) {
        this.scenarios = scenarios;
        this.plan = plan;
        this.decisions = decisions;
        this.recordings = recordings;
        this.publisher = publisher;
        this.clock = clock;
        this.tickSeconds = settings.tickSeconds();
    }

    long tickSeconds() {
        return tickSeconds;
    }

    /** Everything due in {@code [from, to]}, in publishing order. */
    List<Outgoing> due(ExerciseRun run, long from, long to, PlayMode mode) {
        List<Outgoing> due = new ArrayList<>();
        if (run.isReplay()) {
            recorded(run, from, to, due);
        } else {
            Scenario scenario = scenario(run);
            phases(run, scenario, from, to, due);
            messages(run, scenario, from, to, due);
            injects(run, from, to, mode, due);
            population(run, scenario, from, to, mode, due);
            if (run.isBranch()) {
                inherited(run, from, to, due);
            }
        }
        if (mode.ticks) {
            for (long t = (from + tickSeconds - 1) / tickSeconds * tickSeconds; t <= to; t += tickSeconds) {
                long at = t;
                String id = EventIds.derived(run.exerciseId(), "tick", Long.toString(at));
                due.add(new Outgoing(at, Outgoing.TICK, "", publisher.draft(id, run.exerciseId(),
                        new ClockTicked(run.exerciseId(), at, run.speed(), clock.instant()), context(run, at)),
                        p -> { }));
            }
        }
        due.sort(Outgoing.ORDER);
        return due;
    }

    Scenario scenario(ExerciseRun run) {
        return scenarios.find(run.scenarioId())
                .orElseThrow(() -> new IllegalStateException("scenario " + run.scenarioId() + " is gone"));
    }

    /** The recording a replay plays, read from Kafka once and kept while the replay lives. */
    List<RecordedEvent> recording(ExerciseRun run) {
        return loadedRecordings.computeIfAbsent(run.exerciseId(),
                id -> recordings.read(run.replayOf(), run.startOffsetSeconds(), run.durationSeconds()));
    }

    void forget(String exerciseId) {
        loadedRecordings.remove(exerciseId);
    }

    /** The role players' messages of the scenario, at their times, as injects are. */
    private void messages(ExerciseRun run, Scenario scenario, long from, long to, List<Outgoing> due) {
        for (Scenario.ScenarioMessage m : scenario.messages()) {
            long at = m.offsetSeconds();
            if (at >= from && at <= to) {
                String id = EventIds.derived(run.exerciseId(), "message", m.id());
                MessageSent sent = new MessageSent(run.exerciseId(), m.id(), m.from(), m.providerId(), m.text(),
                        MessageSent.FROM_SCENARIO, null, at);
                due.add(new Outgoing(at, Outgoing.INJECT, "message/" + m.id(),
                        publisher.draft(id, run.exerciseId(), sent, context(run, at)), x -> { }));
            }
        }
    }

    private void phases(ExerciseRun run, Scenario scenario, long from, long to, List<Outgoing> due) {
        for (Scenario.ScenarioPhase p : scenario.phases()) {
            long at = p.offsetSeconds();
            if (at >= from && at <= to) {
                String id = EventIds.derived(run.exerciseId(), "phase", p.id());
                PhaseStarted event = new PhaseStarted(run.exerciseId(), new Phase(p.id(), at, p.name()));
                due.add(new Outgoing(at, Outgoing.PHASE, p.id(),
                        publisher.draft(id, run.exerciseId(), event, context(run, at)), x -> { }));
            }
        }
    }

    private void injects(ExerciseRun run, long from, long to, PlayMode mode, List<Outgoing> due) {
        for (PlannedInject planned : plan.pendingUpTo(run.exerciseId(), to)) {
            // an inject released after its time fires now, in order with what is due now
            long at = Math.max(planned.inject().offsetSeconds(), from);
            String injectId = planned.inject().id();
            if (mode == PlayMode.JUMP_SKIPPING) {
                String id = EventIds.derived(run.exerciseId(), "inject-skipped", injectId);
                InjectPlanChanged skipped = new InjectPlanChanged(run.exerciseId(), injectId, "skipped", null,
                        "jump", null);
                due.add(new Outgoing(at, Outgoing.INJECT, injectId,
                        publisher.draft(id, run.exerciseId(), skipped, context(run, at)),
                        p -> plan.applyChange(skipped, p.offset())));
            } else {
                String id = EventIds.derived(run.exerciseId(), "inject", injectId);
                InjectFired fired = new InjectFired(run.exerciseId(), planned.inject().at(at), planned.origin(),
                        mode.trigger);
                due.add(new Outgoing(at, Outgoing.INJECT, injectId,
                        publisher.draft(id, run.exerciseId(), fired, context(run, at)),
                        p -> plan.applyFired(fired, at, p.offset())));
            }
        }
    }

    private void population(ExerciseRun run, Scenario scenario, long from, long to, PlayMode mode,
                            List<Outgoing> due) {
        int lastHour = scenario.durationHours() - 1;
        int firstHour = (int) ((from + 3599) / 3600);
        if (firstHour > Math.min(lastHour, to / 3600) && mode != PlayMode.CATCH_UP) {
            return; // no hour begins in this stretch
        }
        // the crisis team's warnings and appeals change the hours after them
        CrisisTeamDecisions decided = decisions.of(run.exerciseId());
        for (int hour = mode == PlayMode.CATCH_UP ? 0 : firstHour; hour <= Math.min(lastHour, to / 3600); hour++) {
            long at = hour * 3600L;
            int h = hour;
            if (mode.demand) {
                PopulationSimulation.hour(scenario, run.exerciseId(), run.seed(), h, decided).ifPresent(demand -> {
                    String id = EventIds.derived(run.exerciseId(), "demand", Integer.toString(h));
                    due.add(new Outgoing(at, Outgoing.DEMAND, "",
                            publisher.draft(id, run.exerciseId(), demand, context(run, at)), p -> { }));
                });
            }
            VolunteerPoolSimulation.hour(scenario, run.exerciseId(), run.seed(), h, decided).ifPresent(volunteers -> {
                String id = EventIds.derived(run.exerciseId(), "volunteers", Integer.toString(h));
                due.add(new Outgoing(at, Outgoing.VOLUNTEERS, "",
                        publisher.draft(id, run.exerciseId(), volunteers, context(run, at)), p -> { }));
            });
        }
    }

    private void recorded(ExerciseRun run, long from, long to, List<Outgoing> due) {
        List<RecordedEvent> recording = recording(run);
        for (int i = 0; i < recording.size(); i++) {
            RecordedEvent e = recording.get(i).in(run.replayOf(), run.exerciseId());
            long at = Math.max(e.scenarioTimeSeconds(), run.startOffsetSeconds());
            if (at < from || at > to) {
                continue;
            }
            String id = EventIds.derived(run.exerciseId(), e.id());
            EventContext context = new EventContext(run.exerciseId(), ExerciseStatus.fromWire(run.status()), at,
                    e.causationId() == null ? null : EventIds.derived(run.exerciseId(), e.causationId()),
                    run.replayOf(), run.epochMillis());
            due.add(new Outgoing(at, Outgoing.INJECT, "%08d".formatted(i),
                    publisher.redraft(id, e.source(), e.type(), e.key(), e.payload(), context), p -> { }));
        }
    }

    /**
     * The decisions a branch inherits from its original (taken there before the branch's moment), at their times:
     * the simulations answer them in the catch-up as they did in the original. Their ids are those a live decision
     * of the branch would get.
     */
    private void inherited(ExerciseRun run, long from, long to, List<Outgoing> due) {
        for (Decision d : decisions.list(run.exerciseId())) {
            if (d.atSeconds() >= from && d.atSeconds() <= to && d.atSeconds() < run.branchAtSeconds()) {
                String id = EventIds.derived(run.exerciseId(), "decision", d.decisionId());
                due.add(new Outgoing(d.atSeconds(), Outgoing.DECISION, d.decisionId(),
                        publisher.draft(id, run.exerciseId(), d, context(run, d.atSeconds())), p -> { }));
            }
        }
    }

    static EventContext context(ExerciseRun run, long at) {
        return new EventContext(run.exerciseId(), ExerciseStatus.fromWire(run.status()), at, null, run.replayOf(),
                run.epochMillis());
    }
}
