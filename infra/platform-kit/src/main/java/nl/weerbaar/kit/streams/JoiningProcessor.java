package nl.weerbaar.kit.streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A simulation that joins several topics of an exercise: every record is taken into the watermark join
 * ({@link HeldInputs}), the inputs it releases are applied in scenario-time order, and once every input is complete
 * through T the model runs to T and the service writes its own watermark on every partition. A step's decisions,
 * state and marks commit in one transaction (exactly_once_v2). An input the model refuses goes to its topic's
 * dead-letter topic with the reason and the others still apply; replays are never simulated.
 *
 * @param <S> one exercise's state as a step loads it
 */
public abstract class JoiningProcessor<S extends JoiningProcessor.Exercise> implements
        Processor<String, Routed, String, Routed> {

    /** What the join needs of an exercise's state: its bookkeeping, and where its model is. */
    public interface Exercise {
        String exerciseId();

        JoinProgress join();

        void join(JoinProgress progress);

        /** The model has started (its scenario is known), so its progress can be marked. */
        boolean started();

        boolean ended();

        long now();
    }

    /** How many exercises' state a task keeps in memory between steps (a task rarely plays more at once). */
    static final int RECENT = 8;

    protected final StreamEvents events;
    private final EventType markType;
    private final String service;
    private final int partitions;
    private ProcessorContext<String, Routed> context;
    private HeldInputs held;
    /**
     * The exercises' state as the last step left it, equal to what the stores hold: a step need not read and parse
     * an exercise's entities again. Emptied whenever the task is (re)initialised (its stores restored from their
     * changelogs) and an exercise is dropped from it when a step fails, so it never differs from the stores.
     */
    private Map<String, S> recent;

    protected JoiningProcessor(StreamEvents events, EventType markType, String service, int partitions) {
        this.events = events;
        this.markType = markType;
        this.service = service;
        this.partitions = partitions;
    }

    @Override
    public final void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.held = join(context);
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                return size() > RECENT;
            }
        };
    }

    /** Sets up the processor's state from its stores; returns its join (upstream services, store of held inputs). */
    protected abstract HeldInputs join(ProcessorContext<String, Routed> context);

    /** An exercise's state as its stores hold it; called only when it is not in memory already. */
    protected abstract S load(String exerciseId);

    /** Writes what the step changed to the stores; the state stays in memory for the next step. */
    protected abstract void save(S exercise);

    /** The model's decisions on one released input. */
    protected abstract List<Record<String, Routed>> apply(S exercise, InboundEvent input);

    /** The model's decisions on letting everything due up to {@code seconds} happen. */
    protected abstract List<Record<String, Routed>> advanceTo(S exercise, long seconds, InboundEvent cause);

    @Override
    public final void process(Record<String, Routed> record) {
        events.readOrDeadLetter(record, context).filter(event -> !event.isReplay())
                .ifPresent(event -> step(event, record));
    }

    private void step(InboundEvent event, Record<String, Routed> record) {
        String exerciseId = event.exerciseId();
        S exercise = recent.get(exerciseId);
        if (exercise == null) {
            exercise = load(exerciseId);
        }
        try {
            exercise.join(exercise.join().with(held.take(exercise.join().inputs(), event, record)));
            List<Record<String, Routed>> out = new ArrayList<>();
            for (InboundEvent due : held.release(exerciseId, exercise.join().inputs())) {
                try {
                    out.addAll(apply(exercise, due));
                } catch (InvalidEventException | IllegalArgumentException e) {
                    out.add(events.deadLetter(due, e));
                }
            }
            out.addAll(mark(exercise, event));
            save(exercise);
            out.forEach(context::forward);
            recent.put(exerciseId, exercise);
        } catch (RuntimeException e) {
            recent.remove(exerciseId); // half-applied: the next step reads the stores again
            throw e;
        }
    }

    /**
     * Once every input is complete through T, the model lets everything due up to T happen, and then says so on every
     * partition: all it decides at or before T is written before the mark.
     */
    private List<Record<String, Routed>> mark(S exercise, InboundEvent cause) {
        JoinProgress join = exercise.join();
        long complete = held.complete(join.inputs());
        if (!exercise.started() || complete < 0
                || complete <= join.markedUpTo() && exercise.ended() == join.markedEnded()) {
            return List.of();
        }
        List<Record<String, Routed>> out = new ArrayList<>();
        if (!exercise.ended() && complete > exercise.now()) {
            out.addAll(advanceTo(exercise, complete, cause));
        }
        long upTo = Math.max(complete, join.markedUpTo());
        exercise.join(exercise.join().marked(upTo, exercise.ended()));
        out.addAll(ProgressMarks.marks(events, markType, service, exercise.exerciseId(), upTo, exercise.ended(),
                partitions, cause.context()));
        return out;
    }
}
