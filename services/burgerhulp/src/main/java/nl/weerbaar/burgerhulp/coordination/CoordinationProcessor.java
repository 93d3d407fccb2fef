package nl.weerbaar.burgerhulp.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import nl.weerbaar.kit.streams.HeldInputs;
import nl.weerbaar.kit.streams.ProgressMarks;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The coordination of every exercise whose partition this task owns. It joins four topics read side by side, so an
 * input is held until the exercise clock and the watermarks of vital-status and noodsteunpunt have passed its
 * scenario time ({@link HeldInputs}); then the held inputs are applied in scenario-time order — a help request of T
 * meets the phones as they were at T, whichever topic was read first. Decisions and state commit in one transaction
 * (exactly_once_v2), followed by its own watermark. Input the model cannot take goes to the dead-letter topic with the
 * reason; replays are never coordinated.
 */
final class CoordinationProcessor implements Processor<String, Routed, String, Routed> {

    static final String SERVICE = "burgerhulp";

    private final StreamEvents events;
    private final CoordinationStep step;
    private final int partitions;
    private ProcessorContext<String, Routed> context;
    private CoordinationStore store;
    private HeldInputs held;
    private CoordinationOutcomes outcomes;

    CoordinationProcessor(StreamEvents events, CoordinationStep step, int partitions) {
        this.events = events;
        this.step = step;
        this.partitions = partitions;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.store = new CoordinationStore(context.getStateStore(CoordinationStore.EXERCISES),
                context.getStateStore(CoordinationStore.VOLUNTEERS), context.getStateStore(CoordinationStore.REQUESTS));
        this.held = new HeldInputs(context.getStateStore(CoordinationStore.INPUTS),
                Map.of(Topics.VITAL_STATUS, 1, Topics.NOODSTEUNPUNT, 2), Set.of("vital-status", "noodsteunpunt"),
                step::isInput);
        this.outcomes = new CoordinationOutcomes(events);
    }

    @Override
    public void process(Record<String, Routed> record) {
        events.readOrDeadLetter(record, context).filter(event -> !event.isReplay())
                .ifPresent(event -> take(event, record));
    }

    private void take(InboundEvent event, Record<String, Routed> record) {
        CoordinationStore.Loaded loaded = store.load(event.exerciseId());
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
     * Once every input is complete through T, the model lets everything due up to T happen (offers expire, tasks are
     * done) and says so on every partition; with the end taken in, the exercise is finished for burgerhulp.
     */
    private List<Record<String, Routed>> mark(CoordinationStore.Loaded loaded, InboundEvent cause) {
        long complete = held.complete(loaded.exercise.inputs());
        CoordinationModel model = loaded.exercise.model();
        if (complete < 0 || complete <= loaded.exercise.markedUpTo() && model.ended == loaded.exercise.markedEnded()) {
            return List.of();
        }
        List<Record<String, Routed>> out = new ArrayList<>();
        if (!model.ended && complete > model.now) {
            store.loadEntities(loaded);
            out.addAll(outcomes.of(cause, model, model.advanceTo(complete, step.rules())));
        }
        long upTo = Math.max(complete, loaded.exercise.markedUpTo());
        loaded.exercise = loaded.exercise.marked(upTo, model.ended);
        out.addAll(ProgressMarks.marks(events, EventType.BURGERHULP_PROGRESS_MARKED, SERVICE, model.exerciseId, upTo,
                model.ended, partitions, cause.context()));
        return out;
    }

    private List<Record<String, Routed>> apply(CoordinationStore.Loaded loaded, InboundEvent event) {
        store.loadEntities(loaded);
        CoordinationModel model = loaded.exercise.model();
        List<Record<String, Routed>> out = new ArrayList<>();
        if (event.type() == EventType.VOLUNTEERS_AVAILABLE && !model.ended) {
            out.addAll(outcomes.registered(event, model.exerciseId,
                    event.payload(VolunteersAvailable.class).volunteers(), event.scenarioTimeSeconds()));
        }
        out.addAll(outcomes.of(event, model, step.apply(model, event)));
        return out;
    }
}
