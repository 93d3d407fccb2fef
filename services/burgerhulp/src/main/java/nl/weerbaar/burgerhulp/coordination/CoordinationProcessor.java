package nl.weerbaar.burgerhulp.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.HeldInputs;
import nl.weerbaar.kit.streams.JoiningProcessor;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The coordination of every exercise whose partition this task owns. It joins four topics read side by side, so an
 * input waits until the exercise clock and the watermarks of vital-status and noodsteunpunt have passed its scenario
 * time ({@link JoiningProcessor}); a help request of T meets the phones as they were at T, whichever topic was read
 * first. It marks its own progress: with the end on every partition, the exercise is finished for burgerhulp.
 */
final class CoordinationProcessor extends JoiningProcessor<CoordinationStore.Loaded> {

    static final String SERVICE = "burgerhulp";

    private final CoordinationStep step;
    private CoordinationStore store;
    private CoordinationOutcomes outcomes;

    private final CoordinationMetrics metrics;

    CoordinationProcessor(StreamEvents events, CoordinationStep step, CoordinationMetrics metrics, int partitions) {
        super(events, EventType.BURGERHULP_PROGRESS_MARKED, SERVICE, partitions);
        this.step = step;
        this.metrics = metrics;
    }

    @Override
    protected HeldInputs join(ProcessorContext<String, Routed> context) {
        this.store = new CoordinationStore(context.getStateStore(CoordinationStore.EXERCISES),
                context.getStateStore(CoordinationStore.VOLUNTEERS), context.getStateStore(CoordinationStore.REQUESTS));
        this.outcomes = new CoordinationOutcomes(events, metrics);
        return new HeldInputs(context.getStateStore(CoordinationStore.INPUTS),
                Map.of(Topics.VITAL_STATUS, 1, Topics.NOODSTEUNPUNT, 2), Set.of("vital-status", "noodsteunpunt"),
                step::isInput);
    }

    @Override
    protected CoordinationStore.Loaded load(String exerciseId) {
        return store.load(exerciseId);
    }

    @Override
    protected void save(CoordinationStore.Loaded exercise) {
        store.save(exercise);
    }

    @Override
    protected List<Record<String, Routed>> apply(CoordinationStore.Loaded exercise, InboundEvent input) {
        store.loadEntities(exercise);
        CoordinationModel model = exercise.model();
        List<Record<String, Routed>> out = new ArrayList<>();
        if (input.type() == EventType.VOLUNTEERS_AVAILABLE && !model.ended) {
            out.addAll(outcomes.registered(input, model.exerciseId,
                    input.payload(VolunteersAvailable.class).volunteers(), input.scenarioTimeSeconds()));
        }
        out.addAll(outcomes.of(input, model, step.apply(model, input)));
        return out;
    }

    @Override
    protected List<Record<String, Routed>> advanceTo(CoordinationStore.Loaded exercise, long seconds,
                                                     InboundEvent cause) {
        store.loadEntities(exercise);
        return outcomes.of(cause, exercise.model(), exercise.model().advanceTo(seconds, step.rules()));
    }
}
