package nl.weerbaar.noodsteunpunt.simulation;

import java.util.List;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.model.Emitted;
import org.springframework.stereotype.Component;

/**
 * Puts the model's decisions on the noodsteunpunt topic. Ids come from the exercise and the decision's sequence
 * number, so publishing again after a crash repeats the same events and consumers apply them once.
 */
@Component
class SimulationOutcomes {

    private final EventPublisher publisher;
    private final NspMetrics metrics;

    SimulationOutcomes(EventPublisher publisher, NspMetrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** The scenario's noodsteunpunten take part in the exercise, planned. */
    void register(InboundEvent cause, ScenarioLoaded loaded) {
        for (NspSite nsp : loaded.nsps() == null ? List.<NspSite>of() : loaded.nsps()) {
            publisher.publishWithId(EventIds.derived(loaded.exerciseId(), "nsp-registered", nsp.id()), nsp.id(),
                    new NspRegistered(loaded.exerciseId(), nsp, NspRegistered.FROM_SCENARIO, null), cause.context());
        }
    }

    void publish(InboundEvent cause, NspModel model, List<Emitted> emitted) {
        for (Emitted e : emitted) {
            publisher.publishWithId(EventIds.derived(model.exerciseId, "nsp", Long.toString(e.sequence())), e.key(),
                    e.payload(), cause.context().atScenarioTime(e.atSeconds()));
        }
        metrics.after(model, emitted);
    }
}
