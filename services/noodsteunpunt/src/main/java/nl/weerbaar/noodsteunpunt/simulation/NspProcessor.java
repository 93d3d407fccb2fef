package nl.weerbaar.noodsteunpunt.simulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ProgressMarked;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import nl.weerbaar.kit.model.Emitted;
import nl.weerbaar.kit.streams.ExerciseKeyedInputs;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The NSP simulation of every exercise whose partition this task owns. Its inputs come from three topics that are
 * read side by side, so an input is held until both the exercise clock and vital-status's watermarks have passed its
 * scenario time; then the held inputs are applied in scenario-time order (clock, then vital-status, then people; each
 * in the order it was written). So the model sees the same inputs in the same order at any speed or load, and the
 * decisions (with their ids) are the same. Decisions and state commit in one transaction (exactly_once_v2). Input the
 * model cannot take goes to the dead-letter topic with the reason; replays are never simulated.
 */
final class NspProcessor implements Processor<String, Routed, String, Routed> {

    private final StreamEvents events;
    private final NspRules rules;
    private final NspMetrics metrics;
    private ProcessorContext<String, Routed> context;
    private NspStore store;
    private SimulationOutcomes outcomes;

    NspProcessor(StreamEvents events, NspRules rules, NspMetrics metrics) {
        this.events = events;
        this.rules = rules;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.store = new NspStore(context.getStateStore(NspStore.EXERCISES), context.getStateStore(NspStore.SITES),
                context.getStateStore(NspStore.INPUTS));
        this.outcomes = new SimulationOutcomes(events);
    }

    @Override
    public void process(Record<String, Routed> record) {
        events.readOrDeadLetter(record, context).filter(event -> !event.isReplay())
                .ifPresent(event -> step(event, record));
    }

    private void step(InboundEvent event, Record<String, Routed> record) {
        NspStore.Loaded loaded = store.load(event.exerciseId());
        take(loaded, event, record);
        List<Record<String, Routed>> out = new ArrayList<>();
        for (InboundEvent due : store.release(event.exerciseId(), loaded.exercise.complete())) {
            try {
                out.addAll(apply(loaded, due));
            } catch (InvalidEventException | IllegalArgumentException e) {
                // the model refused it: the input goes to its topic's dead letters, the others still apply
                out.add(events.deadLetter(asRecord(due), due.type().topic(), e));
            }
        }
        store.save(loaded);
        out.forEach(context::forward);
    }

    /** Moves the input streams' progress on, and holds the event itself when it is input to the model. */
    private void take(NspStore.Loaded loaded, InboundEvent event, Record<String, Routed> record) {
        NspStore.Exercise e = loaded.exercise;
        if (event.type() == EventType.VITAL_PROGRESS_MARKED) {
            loaded.exercise = new NspStore.Exercise(e.model(), e.sites(), e.clockAt(), e.clockEnded(),
                    e.vital().with(event.payload(ProgressMarked.class)));
            return;
        }
        if (Topics.EXERCISE.equals(event.type().topic())) {
            boolean over = event.type() == EventType.EXERCISE_STATE_CHANGED
                    && event.payload(ExerciseStateChanged.class).state().isOver();
            loaded.exercise = new NspStore.Exercise(e.model(), e.sites(),
                    Math.max(e.clockAt(), event.scenarioTimeSeconds()), e.clockEnded() || over, e.vital());
            if (NspStep.isInput(event)) {
                store.hold(event, NspStore.CLOCK, ExerciseKeyedInputs.position(0, event.offset()));
            }
            return;
        }
        // re-keyed on the way here, keeping where the record was first written
        store.hold(event, Topics.VITAL_STATUS.equals(event.type().topic()) ? NspStore.VITAL : NspStore.PEOPLE,
                ExerciseKeyedInputs.sourceOf(record, event));
    }

    /** A held input as a record again, for the dead-letter topic: its payload with its id, type and exercise. */
    private Record<String, Routed> asRecord(InboundEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CeHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
        headers.add(CeHeaders.TYPE, event.type().type().getBytes(StandardCharsets.UTF_8));
        headers.add(CeHeaders.EXERCISE_ID, event.exerciseId().getBytes(StandardCharsets.UTF_8));
        headers.add(CeHeaders.SCENARIO_TIME, Long.toString(event.scenarioTimeSeconds()).getBytes(StandardCharsets.UTF_8));
        return new Record<>(event.subject(), Routed.read(event.payload().toString().getBytes(StandardCharsets.UTF_8)),
                event.epochMillis() + event.scenarioTimeSeconds() * 1000, headers);
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
