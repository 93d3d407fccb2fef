package nl.weerbaar.noodsteunpunt.simulation;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.crisisteam.Decision;
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
import nl.weerbaar.kit.model.Emitted;

/**
 * Which inputs move the NSP model, and how: one event applied to one exercise's model. Pure, so the processor and the
 * unit tests decide the same way. Once the exercise is over its clock stops, but what other services decided before
 * the end and reaches the model only now is still applied: the end never drops input.
 */
final class NspStep {

    /** Types that may be input; anything else is skipped on its header alone, without reading the payload. */
    static final Set<EventType> CANDIDATES = EnumSet.of(EventType.SCENARIO_LOADED, EventType.CLOCK_TICKED,
            EventType.INJECT_FIRED, EventType.PHASE_STARTED, EventType.POPULATION_DEMAND, EventType.DECISION_TAKEN,
            EventType.EXERCISE_STATE_CHANGED, EventType.PROVIDER_REGISTERED, EventType.PROVIDER_STATUS_CHANGED,
            EventType.VITAL_PROGRESS_MARKED, EventType.NSP_REGISTERED, EventType.NSP_STATE_CHANGED,
            EventType.CITIZEN_CHECKED_IN, EventType.CITIZEN_CHECKED_OUT, EventType.SUPPLIES_DELIVERED,
            EventType.PERSONAL_DATA_PURGED);

    private NspStep() {
    }

    /**
     * Whether the event is input to the model: the clock and population, the providers' status, and what operators
     * and the crisis team did (the model's own decisions come back on its topic and are not). Replays never are.
     */
    static boolean isInput(InboundEvent event) {
        if (event.isReplay() || !CANDIDATES.contains(event.type())) {
            return false;
        }
        return switch (event.type()) {
            case EXERCISE_STATE_CHANGED -> event.payload(ExerciseStateChanged.class).state().isOver();
            case NSP_REGISTERED -> NspRegistered.BY_CRISIS_TEAM.equals(event.payload(NspRegistered.class).origin());
            case NSP_STATE_CHANGED -> NspStateChanged.BY_CRISIS_TEAM.equals(
                    event.payload(NspStateChanged.class).trigger());
            case CITIZEN_CHECKED_IN -> CitizenCheckedIn.FROM_OPERATOR.equals(
                    event.payload(CitizenCheckedIn.class).source());
            case CITIZEN_CHECKED_OUT -> {
                CitizenCheckedOut out = event.payload(CitizenCheckedOut.class);
                yield CitizenCheckedIn.FROM_OPERATOR.equals(out.source()) && CitizenCheckedOut.LEFT.equals(out.reason());
            }
            case SUPPLIES_DELIVERED -> SuppliesDelivered.BY_CRISIS_TEAM.equals(
                    event.payload(SuppliesDelivered.class).source());
            default -> true;
        };
    }

    /** The model's decisions on the event, in scenario-time order. */
    static List<Emitted> apply(NspModel m, InboundEvent event, NspRules deployment) {
        if (m.ended && Topics.EXERCISE.equals(event.type().topic())) {
            return List.of(); // the clock has stopped; input from the other services still counts (below)
        }
        if (event.type() == EventType.SCENARIO_LOADED) {
            m.policy = event.payload(ScenarioLoaded.class).nspPolicy();
        }
        NspRules rules = rulesOf(m, deployment);
        long at = event.scenarioTimeSeconds();
        return switch (event.type()) {
            case SCENARIO_LOADED -> {
                ScenarioLoaded loaded = event.payload(ScenarioLoaded.class);
                yield m.load(at, loaded.places(), loaded.nsps() == null ? List.of() : loaded.nsps(), rules);
            }
            case CLOCK_TICKED -> m.advanceTo(event.payload(ClockTicked.class).scenarioTimeSeconds(), rules);
            case INJECT_FIRED, PHASE_STARTED -> m.advanceTo(at, rules);
            case DECISION_TAKEN -> m.decision(event.payload(Decision.class), at, rules);
            case POPULATION_DEMAND -> {
                PopulationDemand demand = event.payload(PopulationDemand.class);
                Map<String, List<Household>> arrivals = new LinkedHashMap<>();
                demand.places().forEach(p -> arrivals.put(p.placeId(), p.arrivals()));
                yield m.demand(demand.fromSeconds(), demand.toSeconds(), arrivals, rules);
            }
            case EXERCISE_STATE_CHANGED -> {
                List<Emitted> last = m.advanceTo(event.payload(ExerciseStateChanged.class).scenarioTimeSeconds(), rules);
                m.ended = true;
                yield last;
            }
            case PROVIDER_REGISTERED -> {
                ProviderRegistered registered = event.payload(ProviderRegistered.class);
                yield m.providerRegistered(registered.provider().id(), registered.provider().sector(),
                        registered.provider().places(), registered.provider().role());
            }
            case PROVIDER_STATUS_CHANGED -> {
                ProviderStatusChanged s = event.payload(ProviderStatusChanged.class);
                yield m.providerStatus(s.providerId(), s.sector(), s.state(), s.affectedPlaces(),
                        s.affectedShare(), s.atSeconds(), rules);
            }
            case NSP_REGISTERED -> m.addSite(event.payload(NspRegistered.class).nsp(), at, rules);
            case NSP_STATE_CHANGED -> {
                NspStateChanged changed = event.payload(NspStateChanged.class);
                yield m.crisisTeamState(changed.nspId(), changed.state(), changed.atSeconds(), rules);
            }
            case CITIZEN_CHECKED_IN -> m.operatorCheckIn(event.payload(CitizenCheckedIn.class), rules);
            case CITIZEN_CHECKED_OUT -> {
                CitizenCheckedOut out = event.payload(CitizenCheckedOut.class);
                yield m.operatorCheckOut(out.nspId(), out.checkInId(), out.atSeconds(), rules);
            }
            case SUPPLIES_DELIVERED -> {
                SuppliesDelivered d = event.payload(SuppliesDelivered.class);
                yield m.delivered(d.nspId(), d.waterLitres(), d.foodRations(), d.fuelHours(), d.atSeconds(), rules);
            }
            case PERSONAL_DATA_PURGED -> m.purge();
            default -> List.of();
        };
    }

    /** The deployment's NSP policy, with what the exercise's scenario says of its own region instead. */
    static NspRules rulesOf(NspModel m, NspRules deployment) {
        return m.policy == null ? deployment : deployment.with(m.policy);
    }
}
