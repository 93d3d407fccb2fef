package nl.weerbaar.situatiebeeld.verdict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.crisisteam.ExpectationEvaluated;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.situatiebeeld.picture.Expectations;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Owns the exercise's verdicts on the topic: folds the events its objectives look at into the same evaluation as
 * the live picture ({@link Expectations}, order-independent) and publishes {@code expectation-evaluated} each time an
 * objective's verdict or its evidence changes — once: the verdicts said so far are state, committed with the input
 * (exactly-once), and an event's id is derived from the objective and what it says. The evaluation per exercise is
 * kept in memory while this task runs and in the store for a restart, written again only when it changed.
 */
public class VerdictProcessor implements Processor<String, Routed, String, Routed> {

    public static final String STORE = "exercise-verdicts";

    /** The kinds the evaluation takes in; everything else passes by unread. */
    private static final Set<EventType> LOOKED_AT = EnumSet.of(EventType.SCENARIO_LOADED,
            EventType.PROVIDER_REGISTERED, EventType.NSP_REGISTERED, EventType.OBJECTIVE_SET, EventType.CLOCK_TICKED,
            EventType.EXERCISE_STATE_CHANGED, EventType.PROVIDER_STATUS_CHANGED, EventType.VITAL_ALERT_RAISED,
            EventType.NSP_STATE_CHANGED, EventType.DECISION_TAKEN, EventType.HELP_REQUEST_ESCALATED,
            EventType.MESSAGE_SENT, EventType.MESSAGE_ANSWERED);

    private static final ObjectMapper JSON = EventJson.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.USE_GETTERS_AS_SETTERS, false);

    /** An exercise's evaluation and what was said of each objective so far. */
    static final class State {
        public Expectations evaluation = new Expectations();
        public Map<String, String> said = new HashMap<>();
    }

    private final StreamEvents events;
    private final Map<String, State> states = new HashMap<>();
    private KeyValueStore<String, String> store;
    private ProcessorContext<String, Routed> context;

    public VerdictProcessor(StreamEvents events) {
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        states.clear(); // a task started again reads what its store committed
    }

    @Override
    public void process(Record<String, Routed> record) {
        InboundEvent event = events.read(record, context);
        if (!LOOKED_AT.contains(event.type()) || event.exerciseId() == null) {
            return;
        }
        String exerciseId = event.exerciseId();
        State state = states.computeIfAbsent(exerciseId, this::load);
        long changes = state.evaluation.changes;
        state.evaluation.take(event.payload(event.type().payloadType()), event.id());
        boolean changed = state.evaluation.changes != changes;
        // when the verdict was reached: the clock, or the event that reached it if that is later
        long now = Math.max(state.evaluation.clock, event.scenarioTimeSeconds());
        for (Expectations.View v : state.evaluation.views()) {
            if (v.verdict() == Expectations.Verdict.WAITING) {
                continue;
            }
            String says = v.verdict().wire() + "|" + v.startedAtSeconds() + "|" + v.evidenceAtSeconds();
            if (says.equals(state.said.put(v.id(), says))) {
                continue;
            }
            changed = true;
            ExpectationEvaluated verdict = new ExpectationEvaluated(exerciseId, v.id(), v.text(), v.verdict().wire(),
                    v.startedAtSeconds(), v.dueAtSeconds(), v.evidenceAtSeconds(), v.evidenceEventId(),
                    v.startedByEventId(), now);
            context.forward(events.event(EventIds.derived(exerciseId, "verdict", v.id(), says), exerciseId, verdict,
                    EventContext.causedBy(event, now)));
        }
        if (changed) { // an escalation after the earliest hundred changes nothing: nothing to keep again
            store.put(exerciseId, write(state));
        }
    }

    private State load(String exerciseId) {
        String kept = store.get(exerciseId);
        if (kept == null) {
            return new State();
        }
        try {
            return JSON.readValue(kept, State.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the evaluation of " + exerciseId + " cannot be read", e);
        }
    }

    private static String write(State state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an evaluation cannot be written", e);
        }
    }
}
