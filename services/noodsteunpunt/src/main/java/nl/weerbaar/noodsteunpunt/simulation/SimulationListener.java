package nl.weerbaar.noodsteunpunt.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.PopulationDemand;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.SuppliesDelivered;
import nl.weerbaar.contracts.scenario.Household;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.model.Emitted;
import nl.weerbaar.kit.model.ExerciseModelStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drives each exercise's NSP model from the exercise clock and population, the vital providers' status, and what
 * operators and the crisis team do. Only the exercise topic moves the model's scenario time: the topics are read
 * side by side, and a provider's status may come in ahead of the clock and the population of the same moment. One consumer reads the three topics, so a model is changed by one thread at a
 * time. The model's own decisions come back on the topic and are skipped; replays are projected, never simulated.
 */
@Component
class SimulationListener {

    static final String GROUP = "noodsteunpunt-simulation";

    private final InboundEvents inbound;
    private final ExerciseModelStore<NspModel> models;
    private final SimulationOutcomes outcomes;
    private final NspRules rules;

    SimulationListener(InboundEvents inbound, ExerciseModelStore<NspModel> models, SimulationOutcomes outcomes,
                       NspRules rules) {
        this.inbound = inbound;
        this.models = models;
        this.outcomes = outcomes;
        this.rules = rules;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = {Topics.EXERCISE, Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT})
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("simulation", record, this::apply);
    }

    private void apply(InboundEvent event) {
        if (event.isReplay()) {
            return;
        }
        long at = event.scenarioTimeSeconds();
        switch (event.type()) {
            case SCENARIO_LOADED -> start(event);
            case CLOCK_TICKED -> step(event, m -> m.advanceTo(event.payload(ClockTicked.class).scenarioTimeSeconds(),
                    rules));
            case INJECT_FIRED, PHASE_STARTED -> step(event, m -> m.advanceTo(at, rules));
            case POPULATION_DEMAND -> {
                PopulationDemand demand = event.payload(PopulationDemand.class);
                Map<String, List<Household>> arrivals = new LinkedHashMap<>();
                demand.places().forEach(p -> arrivals.put(p.placeId(), p.arrivals()));
                step(event, m -> m.demand(demand.fromSeconds(), demand.toSeconds(), arrivals, rules));
            }
            case EXERCISE_STATE_CHANGED -> {
                ExerciseStateChanged changed = event.payload(ExerciseStateChanged.class);
                if (changed.state().isOver()) {
                    step(event, m -> {
                        List<Emitted> last = m.advanceTo(changed.scenarioTimeSeconds(), rules);
                        m.ended = true;
                        return last;
                    });
                }
            }
            case PROVIDER_REGISTERED -> {
                ProviderRegistered registered = event.payload(ProviderRegistered.class);
                step(event, m -> m.providerRegistered(registered.provider().id(), registered.provider().sector(),
                        registered.provider().places()));
            }
            case PROVIDER_STATUS_CHANGED -> {
                ProviderStatusChanged s = event.payload(ProviderStatusChanged.class);
                step(event, m -> m.providerStatus(s.providerId(), s.sector(), s.state(), s.affectedPlaces(),
                        s.atSeconds(), rules));
            }
            case NSP_REGISTERED -> {
                NspRegistered registered = event.payload(NspRegistered.class);
                if (NspRegistered.BY_CRISIS_TEAM.equals(registered.origin())) {
                    step(event, m -> m.addSite(registered.nsp(), at, rules));
                }
            }
            case NSP_STATE_CHANGED -> {
                NspStateChanged changed = event.payload(NspStateChanged.class);
                if (NspStateChanged.BY_CRISIS_TEAM.equals(changed.trigger())) {
                    step(event, m -> m.crisisTeamState(changed.nspId(), changed.state(), changed.atSeconds(), rules));
                }
            }
            case CITIZEN_CHECKED_IN -> {
                CitizenCheckedIn in = event.payload(CitizenCheckedIn.class);
                if (CitizenCheckedIn.FROM_OPERATOR.equals(in.source())) {
                    step(event, m -> m.operatorCheckIn(in, rules));
                }
            }
            case CITIZEN_CHECKED_OUT -> {
                CitizenCheckedOut out = event.payload(CitizenCheckedOut.class);
                if (CitizenCheckedIn.FROM_OPERATOR.equals(out.source()) && CitizenCheckedOut.LEFT.equals(out.reason())) {
                    step(event, m -> m.operatorCheckOut(out.nspId(), out.checkInId(), out.atSeconds(), rules));
                }
            }
            case SUPPLIES_DELIVERED -> {
                SuppliesDelivered d = event.payload(SuppliesDelivered.class);
                if (SuppliesDelivered.BY_CRISIS_TEAM.equals(d.source())) {
                    step(event, m -> m.delivered(d.nspId(), d.waterLitres(), d.foodRations(), d.fuelHours(),
                            d.atSeconds(), rules));
                }
            }
            case PERSONAL_DATA_PURGED -> step(event, NspModel::purge);
            default -> {
                // the model's own decisions, alerts of others: nothing new for the model
            }
        }
    }

    private void start(InboundEvent event) {
        ScenarioLoaded loaded = event.payload(ScenarioLoaded.class);
        models.stepOrStart(event, () -> new NspModel(loaded.exerciseId()),
                m -> m.loaded ? null : m.load(event.scenarioTimeSeconds(), loaded.places(),
                        loaded.nsps() == null ? List.of() : loaded.nsps(), rules),
                (m, first) -> {
                    outcomes.register(event, loaded);
                    outcomes.publish(event, m, first);
                });
    }

    /**
     * Any input may be the first of an exercise (the topics are read side by side), so each may start its model.
     * Once the exercise is over its clock stops, but what other services decided before the end and what reaches
     * this model only now (they trail at high speed) is still applied: the end never drops input.
     */
    private void step(InboundEvent event, Function<NspModel, List<Emitted>> change) {
        models.stepOrStart(event, () -> new NspModel(event.exerciseId()),
                m -> m.ended && Topics.EXERCISE.equals(event.type().topic()) ? null : change.apply(m),
                (m, emitted) -> outcomes.publish(event, m, emitted));
    }
}
