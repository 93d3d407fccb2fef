package nl.weerbaar.noodsteunpunt.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.model.Emitted;
import nl.weerbaar.kit.streams.HeldInputs;
import nl.weerbaar.kit.streams.JoiningProcessor;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The NSP simulation of every exercise whose partition this task owns. Its inputs come from three topics read side by
 * side, so an input waits until both the exercise clock and vital-status's watermarks have passed its scenario time,
 * and the held inputs are applied in scenario-time order ({@link JoiningProcessor}): the model sees the same inputs in
 * the same order at any speed or load, and its decisions (with their ids) are the same. It marks its own progress, for
 * burgerhulp.
 */
final class NspProcessor extends JoiningProcessor<NspStore.Loaded> {

    static final String SERVICE = "noodsteunpunt";

    private final NspRules rules;
    private final NspMetrics metrics;
    private NspStore store;
    private SimulationOutcomes outcomes;

    NspProcessor(StreamEvents events, NspRules rules, NspMetrics metrics, int partitions) {
        super(events, EventType.NSP_PROGRESS_MARKED, SERVICE, partitions);
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    protected HeldInputs join(ProcessorContext<String, Routed> context) {
        this.store = new NspStore(context.getStateStore(NspStore.EXERCISES), context.getStateStore(NspStore.SITES),
                context.getStateStore(NspStore.PRESENT));
        this.outcomes = new SimulationOutcomes(events);
        return new HeldInputs(context.getStateStore(NspStore.INPUTS), Map.of(Topics.VITAL_STATUS, 1),
                Set.of("vital-status"), NspStep::isInput);
    }

    @Override
    protected NspStore.Loaded load(String exerciseId) {
        return store.load(exerciseId);
    }

    @Override
    protected void save(NspStore.Loaded exercise) {
        store.save(exercise);
    }

    @Override
    protected List<Record<String, Routed>> apply(NspStore.Loaded exercise, InboundEvent input) {
        store.loadSites(exercise);
        NspModel model = exercise.model();
        List<Record<String, Routed>> out = new ArrayList<>();
        if (input.type() == EventType.SCENARIO_LOADED && !model.loaded) {
            out.addAll(outcomes.registered(input, input.payload(ScenarioLoaded.class)));
        }
        out.addAll(decided(model, input, NspStep.apply(model, input, rules)));
        return out;
    }

    @Override
    protected List<Record<String, Routed>> advanceTo(NspStore.Loaded exercise, long seconds, InboundEvent cause) {
        store.loadSites(exercise);
        return decided(exercise.model(), cause, exercise.model().advanceTo(seconds,
                NspStep.rulesOf(exercise.model(), rules)));
    }

    private List<Record<String, Routed>> decided(NspModel model, InboundEvent cause, List<Emitted> emitted) {
        metrics.after(model, emitted);
        return outcomes.of(cause, model, emitted);
    }
}
