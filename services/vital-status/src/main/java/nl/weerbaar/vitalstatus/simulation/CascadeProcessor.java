package nl.weerbaar.vitalstatus.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import nl.weerbaar.kit.streams.InputProgress;
import nl.weerbaar.kit.streams.ProgressMarks;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The cascade of every exercise whose partition this task owns: the exercise's clock and injects, merged in
 * scenario-time order with what people posted, applied to its keyed state; the decisions go out in the same
 * transaction as the state change (exactly_once_v2), so a crash repeats neither. Replays are recordings: never
 * simulated again. An input the model cannot take (a broken record, or one it refuses) goes to the dead-letter topic
 * with the reason, and the state stays as it was.
 */
final class CascadeProcessor implements Processor<String, Routed, String, Routed> {

    private final StreamEvents events;
    private final CascadeModel.Rules rules;
    private final int partitions;
    private ProcessorContext<String, Routed> context;
    private CascadeState state;
    private SimulationOutcomes outcomes;

    private final CascadeMetrics metrics;

    CascadeProcessor(StreamEvents events, CascadeModel.Rules rules, CascadeMetrics metrics, int partitions) {
        this.events = events;
        this.rules = rules;
        this.metrics = metrics;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.state = new CascadeState(context.getStateStore(CascadeState.EXERCISES),
                context.getStateStore(CascadeState.PROVIDERS));
        this.outcomes = new SimulationOutcomes(events);
    }

    @Override
    public void process(Record<String, Routed> record) {
        List<Record<String, Routed>> out;
        try {
            out = decide(events.read(record, context));
        } catch (InvalidEventException | IllegalArgumentException e) {
            context.forward(events.deadLetter(record, context, e));
            return;
        }
        out.forEach(context::forward);
    }

    private List<Record<String, Routed>> decide(InboundEvent event) {
        if (event.isReplay() || isCopy(event)) {
            return List.of();
        }
        if (event.type() == EventType.SCENARIO_LOADED) {
            return start(event);
        }
        Optional<CascadeState.Loaded> loaded = state.load(event.exerciseId());
        if (loaded.isEmpty()) {
            return List.of(); // not an exercise this service simulates (or its scenario not loaded yet)
        }
        CascadeModel model = loaded.get().model();
        List<Outcome> decided = CascadeStep.apply(model, event, rules);
        List<Record<String, Routed>> out = new ArrayList<>(outcomes.of(event, model, decided));
        out.addAll(marks(event, model));
        state.save(loaded.get());
        metrics.after(model);
        return out;
    }

    /**
     * A second copy of an exercise-topic event that acts (an inject, a scenario, a state change); the clock's ticks and
     * marks only move time forward, so a copy of one changes nothing and is not remembered.
     */
    private boolean isCopy(InboundEvent event) {
        return Topics.EXERCISE.equals(event.type().topic()) && event.type() != EventType.CLOCK_TICKED
                && event.type() != EventType.CLOCK_PROGRESS_MARKED
                && !state.firstTime(event.exerciseId(), event.id());
    }

    /**
     * After the step's outcomes, a watermark on every partition when the exercise's clock moved (or the model took in
     * the end). How far the clock is complete is {@link InputProgress}'s rule (through T - 1 while it may bring more
     * at T, through T while paused); the model first lets everything due up to then happen (a pause between two ticks
     * does not move it by itself), so every decision at or before the mark is written before it.
     */
    private List<Record<String, Routed>> marks(InboundEvent cause, CascadeModel model) {
        if (Topics.EXERCISE.equals(cause.type().topic())) {
            model.clock = model.clock.clock(cause);
        }
        long complete = model.clock.complete(java.util.Set.of());
        List<Record<String, Routed>> out = new ArrayList<>();
        if (!model.ended && complete > model.now) {
            out.addAll(outcomes.of(cause, model, model.advanceTo(complete, rules)));
        }
        long upTo = model.ended ? model.now : complete;
        if (upTo < 0 || (upTo <= model.markedUpTo && model.ended == model.markedEnded)) {
            return out;
        }
        model.markedUpTo = Math.max(model.markedUpTo, upTo);
        model.markedEnded = model.ended;
        out.addAll(ProgressMarks.marks(events, EventType.VITAL_PROGRESS_MARKED, "vital-status", model.exerciseId,
                model.markedUpTo, model.ended, partitions, cause.context()));
        return out;
    }

    private List<Record<String, Routed>> start(InboundEvent event) {
        if (state.exists(event.exerciseId())) {
            return List.of();
        }
        ScenarioLoaded loaded = event.payload(ScenarioLoaded.class);
        CascadeModel model = new CascadeModel(loaded.exerciseId(), event.scenarioTimeSeconds());
        List<Outcome> first = model.register(loaded.providers(), event.scenarioTimeSeconds(), rules);
        List<Record<String, Routed>> out = new ArrayList<>(outcomes.registered(event, loaded));
        out.addAll(outcomes.of(event, model, first));
        out.addAll(marks(event, model));
        state.save(CascadeState.fresh(model));
        metrics.after(model);
        return out;
    }
}
