package nl.weerbaar.burgerhulp.coordination;

import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.model.Emitted;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The model's decisions as records for the burgerhulp topic, with ids from the exercise and the decision's sequence
 * number (which commits with the state), so the same decision always has the same id.
 */
final class CoordinationOutcomes {

    private final StreamEvents events;
    private final CoordinationMetrics metrics;

    CoordinationOutcomes(StreamEvents events, CoordinationMetrics metrics) {
        this.events = events;
        this.metrics = metrics;
    }

    /** Volunteers of the scenario's pool who make themselves available take part. */
    List<Record<String, Routed>> registered(InboundEvent cause, String exerciseId, List<Volunteer> pool, long at) {
        List<Record<String, Routed>> out = new ArrayList<>(pool.size());
        for (Volunteer v : pool) {
            out.add(events.event(EventIds.derived(exerciseId, "volunteer-registered", v.id()), v.id(),
                    new VolunteerRegistered(exerciseId, v, VolunteerRegistered.FROM_SCENARIO, null, at),
                    cause.context()));
        }
        return out;
    }

    List<Record<String, Routed>> of(InboundEvent cause, CoordinationModel model, List<Emitted> emitted) {
        metrics.after(model, emitted);
        List<Record<String, Routed>> out = new ArrayList<>(emitted.size());
        for (Emitted e : emitted) {
            out.add(events.event(EventIds.derived(model.exerciseId, "burgerhulp", Long.toString(e.sequence())),
                    e.key(), e.payload(), cause.context().atScenarioTime(e.atSeconds())));
        }
        return out;
    }
}
