package nl.weerbaar.burgerhulp.coordination;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.model.Emitted;

/**
 * Which inputs move the coordination, and how: one event applied to one exercise's model. The clock and the volunteer
 * pool, the telecom and fuel providers' status, the noodsteunpunten's help requests and what coordinators and
 * volunteers did: volunteers' answers and progress reports come as commands, which the model decides into facts (the
 * only writer of a request's state). The model's own decisions come back on its topic and are not input. Once the
 * exercise is over its clock stops, but input from the other services still counts: the end never drops a request.
 */
final class CoordinationStep {

    /** Types that may be input; anything else is skipped on its header alone, without reading the payload. */
    static final Set<EventType> CANDIDATES = EnumSet.of(EventType.SCENARIO_LOADED, EventType.CLOCK_TICKED, EventType.INJECT_FIRED,
            EventType.PHASE_STARTED, EventType.POPULATION_DEMAND, EventType.VOLUNTEERS_AVAILABLE,
            EventType.EXERCISE_STATE_CHANGED, EventType.PROVIDER_STATUS_CHANGED, EventType.VITAL_PROGRESS_MARKED,
            EventType.HELP_REQUESTED, EventType.NSP_REGISTERED, EventType.NSP_STATE_CHANGED,
            EventType.NSP_PROGRESS_MARKED, EventType.HELP_REQUEST_OPENED, EventType.VOLUNTEER_REGISTERED,
            EventType.VOLUNTEER_PRESENCE_CHANGED, EventType.OFFER_ANSWER_SUBMITTED,
            EventType.ASSIGNMENT_PROGRESS_SUBMITTED);

    private final CoordinationRules rules;
    private final CoordinationConfiguration.OutageLinks links;

    CoordinationStep(CoordinationRules rules, CoordinationConfiguration.OutageLinks links) {
        this.rules = rules;
        this.links = links;
    }

    CoordinationRules rules() {
        return rules;
    }

    /** Whether the event is input to the coordination. Replays never are. */
    boolean isInput(InboundEvent event) {
        if (event.isReplay() || !CANDIDATES.contains(event.type())) {
            return false;
        }
        return switch (event.type()) {
            // which providers matter is the scenario's to say (their roles), so each status reaches the model
            case HELP_REQUEST_OPENED -> HelpRequestOpened.BY_COORDINATOR.equals(
                    event.payload(HelpRequestOpened.class).source());
            case VOLUNTEER_REGISTERED -> VolunteerRegistered.BY_COORDINATOR.equals(
                    event.payload(VolunteerRegistered.class).origin());
            case VOLUNTEER_PRESENCE_CHANGED -> event.payload(VolunteerPresenceChanged.class).by() != null;
            default -> true;
        };
    }

    /** The model's decisions on the event, in scenario-time order. */
    List<Emitted> apply(CoordinationModel m, InboundEvent event) {
        if (m.ended && Topics.EXERCISE.equals(event.type().topic())) {
            return List.of(); // the clock has stopped; input from the other services still counts (below)
        }
        long at = event.scenarioTimeSeconds();
        return switch (event.type()) {
            case SCENARIO_LOADED -> {
                ScenarioLoaded world = event.payload(ScenarioLoaded.class);
                m.seed = world.seed();
                m.placeCount = world.places().size();
                for (Provider p : world.providers()) {
                    if (p.has(Provider.MOBILE_NETWORK) || p.has(Provider.FIXED_NETWORK)) {
                        m.phoneProviders.add(p.id());
                        m.phoneServes.put(p.id(), PhoneCoverage.served(p.servedPlaces(), m.placeCount));
                    }
                    if (p.has(Provider.FUEL_SUPPLY)) {
                        m.fuelProviders.add(p.id());
                    }
                }
                yield List.of();
            }
            case CLOCK_TICKED -> m.advanceTo(event.payload(ClockTicked.class).scenarioTimeSeconds(), rules);
            case INJECT_FIRED, PHASE_STARTED, POPULATION_DEMAND -> m.advanceTo(at, rules);
            case VOLUNTEERS_AVAILABLE -> {
                List<Emitted> out = new ArrayList<>(m.advanceTo(at, rules));
                event.payload(VolunteersAvailable.class).volunteers()
                        .forEach(v -> out.addAll(m.volunteer(v, true, at, rules)));
                yield out;
            }
            case EXERCISE_STATE_CHANGED -> {
                // a jump moves the clock too; once the exercise is over the clock stops
                ExerciseStateChanged changed = event.payload(ExerciseStateChanged.class);
                List<Emitted> out = m.advanceTo(changed.scenarioTimeSeconds(), rules);
                m.ended = changed.state().isOver();
                yield out;
            }
            case PROVIDER_STATUS_CHANGED -> {
                ProviderStatusChanged s = event.payload(ProviderStatusChanged.class);
                // only the phones' and the fuel's providers move the model: others change nothing here
                yield phoneProviders(m).contains(s.providerId()) || fuelProviders(m).contains(s.providerId())
                        ? atItsTime(m, at, () -> provider(m, s)) : List.<Emitted>of();
            }
            case HELP_REQUESTED -> {
                HelpRequested h = event.payload(HelpRequested.class);
                yield m.open(new HelpRequestOpened(h.exerciseId(), h.requestId(), h.need(), h.urgency(),
                        h.deadlineSeconds(), h.placeId(), h.nspId(), h.lat(), h.lon(), h.lessSelfReliant(),
                        h.householdSize(), h.note(), HelpRequestOpened.FROM_NSP, null, h.atSeconds()), true, rules);
            }
            case HELP_REQUEST_OPENED -> m.open(event.payload(HelpRequestOpened.class), false, rules);
            case VOLUNTEER_REGISTERED -> m.volunteer(event.payload(VolunteerRegistered.class).volunteer(), false, at,
                    rules);
            case VOLUNTEER_PRESENCE_CHANGED -> {
                VolunteerPresenceChanged p = event.payload(VolunteerPresenceChanged.class);
                yield m.presence(p.volunteerId(), p.nspId(), p.present(), p.atSeconds(), rules);
            }
            case NSP_REGISTERED -> {
                NspSite nsp = event.payload(NspRegistered.class).nsp();
                yield m.nspRegistered(nsp.id(), nsp.name(), nsp.lat(), nsp.lon());
            }
            case NSP_STATE_CHANGED -> {
                NspStateChanged changed = event.payload(NspStateChanged.class);
                yield atItsTime(m, at, () -> m.nspInUse(changed.nspId(), changed.state().serving(), rules));
            }
            case OFFER_ANSWER_SUBMITTED -> m.answered(event.payload(OfferAnswered.class), event.id(), rules);
            case ASSIGNMENT_PROGRESS_SUBMITTED -> m.progressed(event.payload(AssignmentProgressed.class), event.id(),
                    rules);
            default -> List.of();
        };
    }

    /**
     * Another service's fact acts at its own scenario time: it is released only once every input is complete through
     * that time, so the model first lets everything due until then happen — else what it decides would take the time
     * its clock happened to stand at, which depends on how the clock's ticks and marks fell.
     */
    private List<Emitted> atItsTime(CoordinationModel m, long at, Supplier<List<Emitted>> fact) {
        List<Emitted> out = new ArrayList<>(m.advanceTo(at, rules));
        out.addAll(fact.get());
        return out;
    }

    /**
     * The telecom providers (scenario roles mobile-network and fixed-network) decide where volunteers can be
     * phoned: in a place while one of those serving it is not down there. The fuel providers (fuel-supply) decide
     * whether cars can drive.
     */
    private List<Emitted> provider(CoordinationModel m, ProviderStatusChanged s) {
        Set<String> phoneProviders = phoneProviders(m);
        Set<String> fuelProviders = fuelProviders(m);
        boolean phones = phoneProviders.contains(s.providerId());
        boolean fuel = fuelProviders.contains(s.providerId());
        List<Emitted> out = new ArrayList<>();
        if (phones) {
            List<String> down = PhoneCoverage.out(s.state(), s.affectedPlaces(),
                    m.phoneServes.getOrDefault(s.providerId(), List.of()), m.placeCount);
            if (down == null) {
                m.phoneOut.remove(s.providerId());
            } else {
                m.phoneOut.put(s.providerId(), down);
            }
            out.addAll(m.reachability(PhoneCoverage.of(phoneProviders, m.phoneServes, m.phoneOut, m.placeCount),
                    down == null ? "telecom-restored" : "telecom-down", s.atSeconds(), rules));
        }
        if (fuel) {
            m.providerUp.put(s.providerId(), s.state() != ProviderState.DOWN);
            boolean anyFuel = fuelProviders.stream().anyMatch(id -> m.providerUp.getOrDefault(id, true));
            out.addAll(m.fuel(anyFuel, s.atSeconds()));
        }
        return out;
    }

    /** The scenario's phone providers (roles mobile-network, fixed-network) and any the deployment names. */
    private Set<String> phoneProviders(CoordinationModel m) {
        return union(m.phoneProviders, links.phones());
    }

    /** The scenario's fuel providers (role fuel-supply) and any the deployment names. */
    private Set<String> fuelProviders(CoordinationModel m) {
        return union(m.fuelProviders, links.fuel());
    }

    private static Set<String> union(Set<String> scenario, Set<String> deployment) {
        if (deployment.isEmpty()) {
            return scenario;
        }
        Set<String> all = new java.util.TreeSet<>(scenario);
        all.addAll(deployment);
        return all;
    }
}
