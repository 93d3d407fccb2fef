package nl.weerbaar.vitalstatus.simulation;

import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The simulation's decisions as records for the vital-status topic. Every id is derived from what the event is
 * (exercise, provider, the provider's change number), so the same decision always has the same id.
 */
final class SimulationOutcomes {

    private final StreamEvents events;

    SimulationOutcomes(StreamEvents events) {
        this.events = events;
    }

    /** The scenario's providers take part in the exercise. */
    List<Record<String, Routed>> registered(InboundEvent cause, ScenarioLoaded loaded) {
        List<Record<String, Routed>> out = new ArrayList<>();
        for (Provider provider : loaded.providers()) {
            out.add(events.event(EventIds.derived(loaded.exerciseId(), "provider-registered", provider.id()),
                    provider.id(), new ProviderRegistered(loaded.exerciseId(), provider,
                            ProviderRegistered.FROM_SCENARIO, null), cause.context()));
        }
        return out;
    }

    List<Record<String, Routed>> of(InboundEvent cause, CascadeModel model, List<Outcome> outcomes) {
        List<Record<String, Routed>> out = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            out.add(switch (outcome) {
                case Outcome.StatusChange change -> status(cause, model, change);
                case Outcome.Alert alert -> alert(cause, model, alert);
                case Outcome.AlertResolved resolved -> resolved(cause, model, resolved);
            });
        }
        return out;
    }

    private Record<String, Routed> status(InboundEvent cause, CascadeModel model, Outcome.StatusChange change) {
        Provider provider = model.providers.get(change.providerId()).provider;
        ProviderStatusChanged payload = new ProviderStatusChanged(model.exerciseId, provider.id(), provider.sector(),
                change.state(), change.previousState(), change.backupLeftHours(), change.affectedPlaces(),
                change.affectedShare(), affectedServices(provider, change), null, null,
                StatusSource.SIMULATION, null, CauseText.of(change.state(), change.chain(), id -> name(model, id)),
                change.chain(), change.injectId(), change.atSeconds());
        return events.event(EventIds.derived(model.exerciseId, "status", provider.id(),
                Integer.toString(change.sequence())), provider.id(), payload,
                cause.context().atScenarioTime(change.atSeconds()));
    }

    private Record<String, Routed> alert(InboundEvent cause, CascadeModel model, Outcome.Alert alert) {
        VitalAlertRaised payload = new VitalAlertRaised(model.exerciseId, alert.alertId(), alert.kind(),
                alert.providerId(), alert.severity(),
                CauseText.alert(alert.kind(), name(model, alert.providerId()), alert.backupLeftHours(),
                        alert.atSeconds()), alert.backupLeftHours(), alert.atSeconds());
        return events.event(EventIds.derived(model.exerciseId, "alert", alert.alertId()), alert.providerId(),
                payload, cause.context().atScenarioTime(alert.atSeconds()));
    }

    private Record<String, Routed> resolved(InboundEvent cause, CascadeModel model, Outcome.AlertResolved resolved) {
        VitalAlertResolved payload = new VitalAlertResolved(model.exerciseId, resolved.alertId(), resolved.kind(),
                resolved.providerId(), resolved.reason(), CauseText.resolved(resolved.kind(),
                        name(model, resolved.providerId()), resolved.reason(), resolved.atSeconds()),
                resolved.atSeconds());
        return events.event(EventIds.derived(model.exerciseId, "alert-resolved", resolved.alertId()),
                resolved.providerId(), payload, cause.context().atScenarioTime(resolved.atSeconds()));
    }

    private static List<String> affectedServices(Provider provider, Outcome.StatusChange change) {
        boolean affected = change.state() != ProviderState.NORMAL && change.state() != ProviderState.RESTORED;
        return affected && provider.services() != null ? provider.services() : List.of();
    }

    private static String name(CascadeModel model, String providerId) {
        SimulatedProvider p = model.providers.get(providerId);
        return p == null ? providerId : p.provider.name();
    }
}
