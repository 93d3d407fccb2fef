package nl.weerbaar.vitalstatus.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusOverrideReleased;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.model.ExerciseModelStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drives the simulation from the exercise clock and injects, and from what real providers post. One consumer reads
 * both topics, so an exercise's model is changed by one thread at a time. Replays are recordings: their events are
 * projected (by the read model), never simulated again.
 */
@Component
class SimulationListener {

    static final String GROUP = "vital-status-simulation";

    private final InboundEvents inbound;
    private final ExerciseModelStore<CascadeModel> models;
    private final SimulationOutcomes outcomes;
    private final CascadeModel.Rules rules;

    SimulationListener(InboundEvents inbound, ExerciseModelStore<CascadeModel> models, SimulationOutcomes outcomes,
                       CascadeModel.Rules rules) {
        this.inbound = inbound;
        this.models = models;
        this.outcomes = outcomes;
        this.rules = rules;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = {Topics.EXERCISE, Topics.VITAL_STATUS})
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("simulation", record, this::apply);
    }

    private void apply(InboundEvent event) {
        if (event.isReplay()) {
            return;
        }
        switch (event.type()) {
            case SCENARIO_LOADED -> start(event);
            case INJECT_FIRED -> step(event, model -> {
                InjectFired fired = event.payload(InjectFired.class);
                return fired.inject().statusEffect() == null ? model.advanceTo(event.scenarioTimeSeconds(), rules)
                        : model.applyInject(fired.inject().id(), fired.inject().statusEffect(),
                        event.scenarioTimeSeconds(), rules);
            });
            case CLOCK_TICKED -> step(event, model -> model.advanceTo(
                    event.payload(ClockTicked.class).scenarioTimeSeconds(), rules));
            case EXERCISE_STATE_CHANGED -> {
                ExerciseStateChanged changed = event.payload(ExerciseStateChanged.class);
                if (changed.state().isOver()) {
                    step(event, model -> {
                        model.ended = true;
                        return model.advanceTo(changed.scenarioTimeSeconds(), rules);
                    });
                }
            }
            case PROVIDER_STATUS_CHANGED -> {
                ProviderStatusChanged posted = event.payload(ProviderStatusChanged.class);
                if (posted.source() == StatusSource.PROVIDER) {
                    step(event, model -> model.applyPosted(posted.providerId(), posted.state(),
                            posted.affectedPlaces(), posted.atSeconds(), rules));
                }
            }
            case STATUS_OVERRIDE_RELEASED -> step(event, model -> model.release(
                    event.payload(StatusOverrideReleased.class).providerId(), event.scenarioTimeSeconds(), rules));
            case PROVIDER_REGISTERED -> {
                ProviderRegistered registered = event.payload(ProviderRegistered.class);
                if (ProviderRegistered.BY_CRISIS_TEAM.equals(registered.origin())) {
                    step(event, model -> model.register(List.of(registered.provider()), event.scenarioTimeSeconds(),
                            rules));
                }
            }
            default -> {
                // phases, demand, volunteers, alerts: nothing changes the cascade
            }
        }
    }

    private void start(InboundEvent event) {
        ScenarioLoaded loaded = event.payload(ScenarioLoaded.class);
        models.create(event, new CascadeModel(loaded.exerciseId(), event.scenarioTimeSeconds()),
                model -> model.register(loaded.providers(), event.scenarioTimeSeconds(), rules),
                (model, first) -> {
                    outcomes.register(event, loaded);
                    outcomes.publish(event, model, first);
                });
    }

    private void step(InboundEvent event, Function<CascadeModel, List<Outcome>> change) {
        models.step(event, model -> model.ended ? null : change.apply(model),
                (model, outcome) -> outcomes.publish(event, model, outcome));
    }
}
