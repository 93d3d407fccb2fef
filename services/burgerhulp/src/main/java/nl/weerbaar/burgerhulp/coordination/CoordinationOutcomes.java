package nl.weerbaar.burgerhulp.coordination;

import java.util.List;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.model.Emitted;
import org.springframework.stereotype.Component;

/**
 * Puts the model's decisions on the burgerhulp topic, with ids from the exercise and the decision's sequence number,
 * so publishing again after a crash repeats the same events and consumers apply them once.
 */
@Component
class CoordinationOutcomes {

    private final EventPublisher publisher;

    CoordinationOutcomes(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Volunteers of the scenario's pool who make themselves available take part. */
    void registered(InboundEvent cause, String exerciseId, List<Volunteer> pool, long at) {
        for (Volunteer v : pool) {
            publisher.publishWithId(EventIds.derived(exerciseId, "volunteer-registered", v.id()), v.id(),
                    new VolunteerRegistered(exerciseId, v, VolunteerRegistered.FROM_SCENARIO, null, at),
                    cause.context());
        }
    }

    void publish(InboundEvent cause, CoordinationModel model, List<Emitted> emitted) {
        for (Emitted e : emitted) {
            publisher.publishWithId(EventIds.derived(model.exerciseId, "burgerhulp", Long.toString(e.sequence())),
                    e.key(), e.payload(), cause.context().atScenarioTime(e.atSeconds()));
        }
    }
}
