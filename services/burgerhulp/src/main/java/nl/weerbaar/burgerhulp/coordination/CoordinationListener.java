package nl.weerbaar.burgerhulp.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.model.Emitted;
import nl.weerbaar.kit.model.ExerciseModelStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drives each exercise's coordination from the exercise clock and volunteer pool, the telecom and fuel providers'
 * status, the noodsteunpunten's help requests and what coordinators and volunteers do. One consumer reads the four
 * topics, so a model is changed by one thread at a time; only the exercise topic moves its scenario time. The
 * model's own events coming back are skipped (they carry no {@code by}); replays are projected, never coordinated.
 */
@Component
class CoordinationListener {

    static final String GROUP = "burgerhulp-coordination";

    private final InboundEvents inbound;
    private final ExerciseModelStore<CoordinationModel> models;
    private final CoordinationOutcomes outcomes;
    private final CoordinationRules rules;
    private final CoordinationConfiguration.OutageLinks links;

    CoordinationListener(InboundEvents inbound, ExerciseModelStore<CoordinationModel> models,
                         CoordinationOutcomes outcomes, CoordinationRules rules,
                         CoordinationConfiguration.OutageLinks links) {
        this.inbound = inbound;
        this.models = models;
        this.outcomes = outcomes;
        this.rules = rules;
        this.links = links;
    }

    @KafkaListener(id = GROUP, groupId = GROUP,
            topics = {Topics.EXERCISE, Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT, Topics.BURGERHULP})
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("coordination", record, this::apply);
    }

    private void apply(InboundEvent event) {
        if (event.isReplay()) {
            return;
        }
        long at = event.scenarioTimeSeconds();
        switch (event.type()) {
            case CLOCK_TICKED -> step(event, m -> m.advanceTo(event.payload(ClockTicked.class).scenarioTimeSeconds(),
                    rules));
            case INJECT_FIRED, PHASE_STARTED, POPULATION_DEMAND -> step(event, m -> m.advanceTo(at, rules));
            case VOLUNTEERS_AVAILABLE -> {
                VolunteersAvailable available = event.payload(VolunteersAvailable.class);
                models.stepOrStart(event, () -> new CoordinationModel(event.exerciseId()), m -> {
                    if (m.ended) {
                        return null;
                    }
                    List<Emitted> out = new ArrayList<>(m.advanceTo(at, rules));
                    available.volunteers().forEach(v -> out.addAll(m.volunteer(v, true, at, rules)));
                    return out;
                }, (m, out) -> {
                    outcomes.registered(event, m.exerciseId, available.volunteers(), at);
                    outcomes.publish(event, m, out);
                });
            }
            case EXERCISE_STATE_CHANGED -> {
                // a jump moves the clock too; once the exercise is over the model takes nothing more
                ExerciseStateChanged changed = event.payload(ExerciseStateChanged.class);
                step(event, m -> {
                    List<Emitted> out = m.advanceTo(changed.scenarioTimeSeconds(), rules);
                    m.ended = changed.state().isOver();
                    return out;
                });
            }
            case PROVIDER_STATUS_CHANGED -> provider(event, event.payload(ProviderStatusChanged.class));
            case HELP_REQUESTED -> {
                HelpRequested h = event.payload(HelpRequested.class);
                HelpRequestOpened opened = new HelpRequestOpened(h.exerciseId(), h.requestId(), h.need(),
                        h.urgency(), h.deadlineSeconds(), h.placeId(), h.nspId(), h.lat(), h.lon(),
                        h.lessSelfReliant(), h.householdSize(), h.note(), HelpRequestOpened.FROM_NSP, null,
                        h.atSeconds());
                step(event, m -> m.open(opened, true, rules));
            }
            case HELP_REQUEST_OPENED -> {
                HelpRequestOpened opened = event.payload(HelpRequestOpened.class);
                if (HelpRequestOpened.BY_COORDINATOR.equals(opened.source())) {
                    step(event, m -> m.open(opened, false, rules));
                }
            }
            case VOLUNTEER_REGISTERED -> {
                VolunteerRegistered registered = event.payload(VolunteerRegistered.class);
                if (VolunteerRegistered.BY_COORDINATOR.equals(registered.origin())) {
                    step(event, m -> m.volunteer(registered.volunteer(), false, at, rules));
                }
            }
            case VOLUNTEER_PRESENCE_CHANGED -> {
                VolunteerPresenceChanged p = event.payload(VolunteerPresenceChanged.class);
                if (p.by() != null) {
                    step(event, m -> m.presence(p.volunteerId(), p.nspId(), p.present(), p.atSeconds(), rules));
                }
            }
            case NSP_REGISTERED -> {
                NspSite nsp = event.payload(NspRegistered.class).nsp();
                step(event, m -> m.nspRegistered(nsp.id(), nsp.lat(), nsp.lon()));
            }
            case NSP_STATE_CHANGED -> {
                NspStateChanged changed = event.payload(NspStateChanged.class);
                step(event, m -> m.nspInUse(changed.nspId(), changed.state().serving(), rules));
            }
            case OFFER_ANSWERED -> {
                OfferAnswered a = event.payload(OfferAnswered.class);
                if (a.by() != null) {
                    step(event, m -> m.answered(a.requestId(), a.offerId(), OfferAnswered.ACCEPTED.equals(a.answer()),
                            a.atSeconds(), rules));
                }
            }
            case ASSIGNMENT_PROGRESSED -> {
                AssignmentProgressed p = event.payload(AssignmentProgressed.class);
                if (p.by() != null) {
                    step(event, m -> m.progressed(p.requestId(), p.status(), p.atSeconds(), rules));
                }
            }
            default -> {
                // the model's own decisions and the rest: nothing new for the coordination
            }
        }
    }

    /** The telecom providers decide whether volunteers can be phoned, the fuel providers whether cars can drive. */
    private void provider(InboundEvent event, ProviderStatusChanged s) {
        boolean phones = links.phones().contains(s.providerId());
        boolean fuel = links.fuel().contains(s.providerId());
        if (!phones && !fuel) {
            return;
        }
        step(event, m -> {
            m.providerUp.put(s.providerId(), s.state() != ProviderState.DOWN);
            List<Emitted> out = new ArrayList<>();
            if (phones) {
                boolean anyPhone = links.phones().stream().anyMatch(id -> m.providerUp.getOrDefault(id, true));
                out.addAll(m.reachability(anyPhone, anyPhone ? "telecom-restored" : "telecom-down", s.atSeconds(),
                        rules));
            }
            if (fuel) {
                boolean anyFuel = links.fuel().stream().anyMatch(id -> m.providerUp.getOrDefault(id, true));
                out.addAll(m.fuel(anyFuel, s.atSeconds()));
            }
            return out;
        });
    }

    /**
     * Once the exercise is over its clock stops, but input from the other services that reaches this model only now
     * (help requests of the last minutes trail at high speed) is still applied: the end never drops a help request.
     */
    private void step(InboundEvent event, Function<CoordinationModel, List<Emitted>> change) {
        models.stepOrStart(event, () -> new CoordinationModel(event.exerciseId()),
                m -> m.ended && Topics.EXERCISE.equals(event.type().topic()) ? null : change.apply(m), (m, out) -> outcomes.publish(event, m, out));
    }
}
