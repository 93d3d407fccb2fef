package nl.weerbaar.noodsteunpunt.simulation;

import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.model.Emitted;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The model's decisions as records for the noodsteunpunt topic. Ids come from the exercise and the decision's sequence
 * number, kept in the same transaction as the state, so the same decision always has the same id.
 */
final class SimulationOutcomes {

    private final StreamEvents events;

    SimulationOutcomes(StreamEvents events) {
        this.events = events;
    }

    /** The scenario's noodsteunpunten take part in the exercise, planned. */
    List<Record<String, Routed>> registered(InboundEvent cause, ScenarioLoaded loaded) {
        List<Record<String, Routed>> out = new ArrayList<>();
        for (NspSite nsp : loaded.nsps() == null ? List.<NspSite>of() : loaded.nsps()) {
            out.add(events.event(EventIds.derived(loaded.exerciseId(), "nsp-registered", nsp.id()), nsp.id(),
                    new NspRegistered(loaded.exerciseId(), nsp, NspRegistered.FROM_SCENARIO, null), cause.context()));
        }
        return out;
    }

    List<Record<String, Routed>> of(InboundEvent cause, NspModel model, List<Emitted> emitted) {
        List<Record<String, Routed>> out = new ArrayList<>(emitted.size());
        for (Emitted e : emitted) {
            out.add(events.event(EventIds.derived(model.exerciseId, "nsp", Long.toString(e.sequence())), e.key(),
                    e.payload(), cause.context().atScenarioTime(e.atSeconds())));
        }
        return out;
    }
}
