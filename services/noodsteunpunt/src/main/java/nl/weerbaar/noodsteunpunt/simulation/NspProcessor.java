package nl.weerbaar.noodsteunpunt.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import nl.weerbaar.kit.model.Emitted;
import nl.weerbaar.kit.streams.HeldInputs;
import nl.weerbaar.kit.streams.ProgressMarks;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The NSP simulation of every exercise whose partition this task owns. Its inputs come from three topics that are
 * read side by side, so an input is held until both the exercise clock and vital-status's watermarks have passed its
 * scenario time ({@link HeldInputs}); then the held inputs are applied in scenario-time order. So the model sees the
 * same inputs in the same order at any speed or load, and the decisions (with their ids) are the same. Once the model
 * has decided everything up to a moment it writes its own watermark, for burgerhulp. Decisions and state commit in one
 * transaction (exactly_once_v2). Input the model cannot take goes to the dead-letter topic with the reason; replays
 * are never simulated.
 */
final class NspProcessor implements Processor<String, Routed, String, Routed> {

    static final String SERVICE = "noodsteunpunt";

    private final StreamEvents events;
    private final NspRules rules;
    private final NspMetrics metrics;
    private final int partitions;
    private ProcessorContext<String, Routed> context;
    private NspStore store;
    private HeldInputs held;
    private SimulationOutcomes outcomes;

    NspProcessor(StreamEvents events, NspRules rules, NspMetrics metrics, int partitions) {
        this.events = events;
        this.rules = rules;
        this.metrics = metrics;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.store = new NspStore(context.getStateStore(NspStore.EXERCISES), context.getStateStore(NspStore.SITES));
        this.held = new HeldInputs(context.getStateStore(NspStore.INPUTS), Map.of(Topics.VITAL_STATUS, 1),
                Set.of("vital-status"), NspStep::isInput);
        this.outcomes = new SimulationOutcomes(events);
    }

    @Override
    public void process(Record<String, Routed> record) {
        events.readOrDeadLetter(record, context).filter(event -> !event.isReplay())
                .ifPresent(event -> step(event, record));
    }

    private void step(InboundEvent event, Record<String, Routed> record) {
        NspStore.Loaded loaded = store.load(event.exerciseId());
        loaded.exercise = loaded.exercise.with(held.take(loaded.exercise.inputs(), event, record));
        List<Record<String, Routed>> out = new ArrayList<>();
        for (InboundEvent due : held.release(event.exerciseId(), loaded.exercise.inputs())) {
            try {
                out.addAll(apply(loaded, due));
            } catch (InvalidEventException | IllegalArgumentException e) {
                // the model refused it: the input goes to its topic's dead letters, the others still apply
                out.add(events.deadLetter(due, e));
            }
        }
        out.addAll(mark(loaded, event));
        store.save(loaded);
        out.forEach(context::forward);
    }

    /**
     * Once every input is complete through T, the model lets everything due up to T happen, and then says so on every
     * partition: all it decides at or before T is written before the mark.
     */
    private List<Record<String, Routed>> mark(NspStore.Loaded loaded, InboundEvent cause) {
        long complete = held.complete(loaded.exercise.inputs());
        NspModel model = loaded.exercise.model();
        if (!model.loaded || complete <= loaded.exercise.markedUpTo() && model.ended == loaded.exercise.markedEnded()) {
            return List.of();
        }
        List<Record<String, Routed>> out = new ArrayList<>();
        if (!model.ended && complete > model.now) {
            store.loadSites(loaded);
            List<Emitted> due = model.advanceTo(complete, rules);
            out.addAll(outcomes.of(cause, model, due));
            metrics.after(model, due);
        }
        long upTo = Math.max(complete, loaded.exercise.markedUpTo());
        loaded.exercise = loaded.exercise.marked(upTo, model.ended);
        out.addAll(ProgressMarks.marks(events, EventType.NSP_PROGRESS_MARKED, SERVICE, model.exerciseId, upTo,
                model.ended, partitions, cause.context()));
        return out;
    }

    private List<Record<String, Routed>> apply(NspStore.Loaded loaded, InboundEvent event) {
        store.loadSites(loaded);
        NspModel model = loaded.exercise.model();
        List<Record<String, Routed>> out = new ArrayList<>();
        if (event.type() == EventType.SCENARIO_LOADED && !model.loaded) {
            out.addAll(outcomes.registered(event, event.payload(ScenarioLoaded.class)));
        }
        List<Emitted> emitted = NspStep.apply(model, event, rules);
        out.addAll(outcomes.of(event, model, emitted));
        metrics.after(model, emitted);
        return out;
    }
}
