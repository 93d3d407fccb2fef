package nl.weerbaar.vitalstatus.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.weerbaar.contracts.scenario.DependencyGraph;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.StatusEffect;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.kit.streams.InputProgress;

/**
 * The chain-effect simulation of one exercise on scenario time (after DRIVER+'s chain-effect simulator): a provider
 * loses supply when a dependency it cannot do without fails, bridges the gap on backup until its autonomy runs out,
 * is topped up by a refuel inject, and comes back when its dependencies do — for the grid place by place, in the
 * operator's restoration stages. Deterministic: the same inputs at the same scenario times give the same outcomes,
 * which is what makes a re-run reproduce its status sequence. Stored whole after every step.
 */
public class CascadeModel {

    /** Cause chains keep their newest links; older ones are in the provider's history. */
    static final int MAX_CHAIN = 10;

    public String exerciseId;
    public long now;
    public boolean ended;
    public Map<String, SimulatedProvider> providers = new LinkedHashMap<>();
    public List<String> order = new ArrayList<>();
    /**
     * The processor's bookkeeping, kept with the model: how far the exercise topic has come, and the last watermark
     * written for this exercise.
     */
    public InputProgress clock = InputProgress.none();
    /** Mobile generators on their way (the crisis team's decisions), by arrival: each refuels its provider. */
    public List<Delivery> deliveries = new ArrayList<>();
    public long markedUpTo = -1;
    public boolean markedEnded;

    public CascadeModel() {
        // for the store
    }

    public CascadeModel(String exerciseId, long now) {
        this.exerciseId = exerciseId;
        this.now = now;
    }

    /** A mobile generator the crisis team sent: it runs at {@code atSeconds} with {@code hours} of fuel. */
    public record Delivery(long atSeconds, String providerId, double hours, String decisionId) {
    }

    /** The rules of a deployment: when backup counts as low, which providers are the emergency number. */
    public record Rules(double lowBackupHours, Set<String> emergencyNumberProviders) {
    }

    /** Adds providers (their dependencies must not form a cycle) and lets the current situation reach them. */
    public List<Outcome> register(List<Provider> added, long at, Rules rules) {
        List<Outcome> out = new ArrayList<>();
        advance(at, rules, out);
        added.forEach(p -> providers.putIfAbsent(p.id(), new SimulatedProvider(p)));
        Map<String, List<String>> edges = new LinkedHashMap<>();
        providers.values().forEach(p -> edges.put(p.id(), p.provider.dependencies()));
        DependencyGraph.cycle(edges).ifPresent(cycle -> {
            throw new IllegalArgumentException("dependency cycle: " + String.join(" -> ", cycle));
        });
        order = DependencyGraph.dependenciesFirst(edges);
        cascade(now, rules, out);
        return out;
    }

    public List<Outcome> advanceTo(long at, Rules rules) {
        List<Outcome> out = new ArrayList<>();
        advance(at, rules, out);
        return out;
    }

    /** An inject's status effect on its provider (or on every provider of its sector), then the cascade. */
    public List<Outcome> applyInject(String injectId, StatusEffect effect, long at, Rules rules) {
        List<Outcome> out = new ArrayList<>();
        advance(at, rules, out);
        for (SimulatedProvider p : targets(effect)) {
            affect(p, injectId, effect, rules, out);
        }
        cascade(now, rules, out);
        return out;
    }

    /**
     * A decision of the crisis team, at its scenario time: fuel priority tops the provider's backup up whenever it
     * would run low (now, if it already has); a mobile generator refuels it when it arrives, after its delivery time.
     * A decision about a provider the exercise does not have changes nothing.
     */
    public List<Outcome> applyDecision(Decision decision, long at, Rules rules) {
        List<Outcome> out = new ArrayList<>();
        advance(at, rules, out);
        SimulatedProvider p = decision.providerId() == null ? null : providers.get(decision.providerId());
        if (p == null) {
            return out;
        }
        switch (decision.kind()) {
            case FUEL_PRIORITY -> {
                p.fuelPriority = decision.decisionId();
                if (p.refuelable(rules.lowBackupHours()) && p.backupRunning
                        && p.backupLeftAt(now) <= rules.lowBackupHours()) {
                    affect(p, decision.decisionId(), refuel(p.id(), p.autonomy()), rules, out);
                }
            }
            case MOBILE_GENERATOR -> {
                long arrives = now + 60L * (decision.deliveryMinutes() == null ? DELIVERY_MINUTES
                        : decision.deliveryMinutes());
                double hours = decision.hours() == null ? GENERATOR_HOURS : decision.hours();
                deliveries.add(new Delivery(arrives, p.id(), hours, decision.decisionId()));
                deliveries.sort(java.util.Comparator.comparingLong(Delivery::atSeconds)
                        .thenComparing(Delivery::decisionId));
            }
            default -> {
                // the other decisions are other services' to answer
            }
        }
        settleAlerts(out);
        return out;
    }

    /** A mobile generator's delivery time and fuel when the decision does not say. */
    static final int DELIVERY_MINUTES = 120;
    static final double GENERATOR_HOURS = 24;

    private static StatusEffect refuel(String providerId, double hours) {
        return new StatusEffect("refuel", providerId, null, hours, null, null, null);
    }

    /** One provider takes an inject's (or a decision's) effect; a change of state or backup is published. */
    private void affect(SimulatedProvider p, String injectId, StatusEffect effect, Rules rules, List<Outcome> out) {
        List<String> darkBefore = affectedPlaces(p, p.state);
        Double shareBefore = affectedShare(p, p.state);
        boolean changed = impose(p, injectId, effect, rules);
        ProviderState next = p.effective();
        // a restoration stage may leave the state degraded with fewer dark places: that is news downstream too
        boolean placesChanged = next == p.state && (!affectedPlaces(p, next).equals(darkBefore)
                || !Objects.equals(affectedShare(p, next), shareBefore));
        if (next != p.state || changed || placesChanged) {
            List<CauseStep> chain = next.works() && !p.state.works() || next == ProviderState.NORMAL
                    ? List.of() : p.chain;
            emit(p, next, extend(chain, step(p, next, switch (effect.effect()) {
                case "refuel" -> "refuelled";
                case "backup-failed" -> "backup-failed";
                default -> "inject";
            }, injectId)), injectId, rules, out);
        }
    }

    /** The real provider posted a status: it wins from now on, and its dependents follow it. */
    public List<Outcome> applyPosted(String providerId, ProviderState state, List<String> places, long at,
                                     Rules rules) {
        List<Outcome> out = new ArrayList<>();
        advance(at, rules, out);
        SimulatedProvider p = providers.get(providerId);
        if (p != null) {
            ProviderState previous = p.state;
            p.posted = state;
            p.postedPlaces = new java.util.LinkedHashSet<>(places == null ? List.of() : places);
            p.state = state;
            p.since = now;
            p.chain = List.of(new CauseStep(providerId, state, now, "posted", null));
            alerts(p, previous, rules, out);
            cascade(now, rules, out);
        }
        return out;
    }

    /** The provider's own status no longer wins: the simulated state applies again. */
    public List<Outcome> release(String providerId, long at, Rules rules) {
        List<Outcome> out = new ArrayList<>();
        advance(at, rules, out);
        SimulatedProvider p = providers.get(providerId);
        if (p != null && p.posted != null) {
            p.posted = null;
            p.postedPlaces.clear();
            ProviderState next = p.computed();
            emit(p, next, List.of(step(p, next, p.supplyLost ? "dependency-down" : "power-restored", null)), null,
                    rules, out);
            cascade(now, rules, out);
        }
        return out;
    }

    /** Runs backups down to {@code at}, handling every alert and exhaustion on the way at its own scenario time. */
    private void advance(long at, Rules rules, List<Outcome> out) {
        while (true) {
            SimulatedProvider first = null;
            long firstAt = Long.MAX_VALUE;
            boolean firstIsLow = false;
            for (String id : order) {
                SimulatedProvider p = providers.get(id);
                if (!p.backupRunning) {
                    continue;
                }
                long low = p.lowAt(rules.lowBackupHours());
                if (low >= 0 && low < firstAt) {
                    first = p;
                    firstAt = low;
                    firstIsLow = true;
                }
                if (p.exhaustedAt() < firstAt) {
                    first = p;
                    firstAt = p.exhaustedAt();
                    firstIsLow = false;
                }
            }
            Delivery delivery = deliveries.isEmpty() ? null : deliveries.getFirst();
            if (delivery != null && delivery.atSeconds() <= at && delivery.atSeconds() <= firstAt) {
                // a mobile generator arrives (before a backup event at the same second: it may prevent it)
                deliveries.removeFirst();
                now = Math.max(now, delivery.atSeconds());
                SimulatedProvider p = providers.get(delivery.providerId());
                if (p != null) {
                    affect(p, delivery.decisionId(), refuel(p.id(), delivery.hours()), rules, out);
                    cascade(now, rules, out);
                }
                continue;
            }
            if (first == null || firstAt > at) {
                break;
            }
            now = Math.max(now, firstAt);
            if (firstIsLow && first.fuelPriority != null && first.refuelable(rules.lowBackupHours())) {
                // priority in the fuel distribution: the tanker comes before the backup runs low
                affect(first, first.fuelPriority, refuel(first.id(), first.autonomy()), rules, out);
                continue;
            }
            if (firstIsLow) {
                first.lowAlerted = true;
                if (first.posted == null) {
                    raise(first, new Outcome.Alert(VitalAlertRaised.BACKUP_LOW, first.id(),
                            first.provider.vulnerable() ? "extreme" : "severe", round(first.backupLeftAt(now)), now),
                            out);
                }
            } else {
                first.backupRunning = false;
                first.backupLeftHours = 0;
                first.backupAt = now;
                ProviderState next = first.effective();
                if (next != first.state) {
                    emit(first, next, extend(first.chain, step(first, next, "backup-exhausted", null)), null, rules,
                            out);
                }
                cascade(now, rules, out);
            }
        }
        now = Math.max(now, at);
    }

    /** Re-evaluates every provider's supply, dependencies first, and publishes what changed. */
    private void cascade(long at, Rules rules, List<Outcome> out) {
        for (String id : order) {
            SimulatedProvider p = providers.get(id);
            SimulatedProvider failing = failingDependency(p);
            String reason = null;
            SimulatedProvider cause = failing;
            if (failing != null && !p.supplyLost) {
                p.supplyLost = true;
                p.lostBecause = failing.id();
                p.hadOutage = true;
                if (p.backupLeftHours > 0 && p.autonomy() > 0) {
                    p.backupRunning = true;
                    p.backupAt = at;
                    reason = "on-backup";
                } else {
                    reason = "dependency-down";
                }
            } else if (failing == null && p.supplyLost) {
                cause = providers.get(p.lostBecause);
                p.supplyLost = false;
                p.lostBecause = null;
                p.backupRunning = false;
                p.backupLeftHours = p.autonomy();
                p.lowAlerted = false;
                p.imposed = null;
                p.darkPlaces.clear();
                p.share = null;
                reason = "power-restored";
            }
            ProviderState next = p.effective();
            if (next != p.state) {
                List<CauseStep> before = cause != null ? cause.chain : p.chain;
                emit(p, next, extend(before, step(p, next, reason != null ? reason
                        : p.supplyLost ? "dependency-down" : "power-restored", null)), null, rules, out);
            }
        }
        settleAlerts(out);
    }

    private SimulatedProvider failingDependency(SimulatedProvider p) {
        for (String dep : p.provider.allOf()) {
            SimulatedProvider d = providers.get(dep);
            if (d != null && !d.supplies(p)) {
                return d;
            }
        }
        List<SimulatedProvider> any = p.provider.anyOf().stream().map(providers::get)
                .filter(Objects::nonNull).toList();
        if (!any.isEmpty() && any.stream().noneMatch(d -> d.supplies(p))) {
            return any.stream().max(java.util.Comparator.comparingLong(d -> d.since)).orElseThrow();
        }
        return null;
    }

    /** Applies an inject's effect; true when it changed the backup without changing the state (a refuel). */
    private boolean impose(SimulatedProvider p, String injectId, StatusEffect effect, Rules rules) {
        List<String> places = effect.places() == null ? List.of() : effect.places();
        switch (effect.effect()) {
            case "down" -> {
                p.imposed = ProviderState.DOWN;
                p.imposedBy = injectId;
                p.hadOutage = true;
                p.darkPlaces.clear();
                p.darkPlaces.addAll(places.isEmpty() ? p.provider.servedPlaces() : places);
                p.share = effect.share();
                pauseBackup(p); // broken down: its backup is not being used, so it neither runs low nor out
            }
            case "backup-failed" -> {
                // a breakdown, not a run-down: the generator fails (or the batteries are gone) now
                p.backupLeftHours = 0;
                p.backupRunning = false;
                p.backupAt = now;
                p.hadOutage = true;
            }
            case "degraded" -> {
                if (p.imposed != ProviderState.DOWN) {
                    p.imposed = ProviderState.DEGRADED;
                    p.imposedBy = injectId;
                    if (!places.isEmpty()) { // out in these places only: its dependents there lose it, no others
                        p.darkPlaces.clear();
                        p.darkPlaces.addAll(places);
                    }
                    p.share = effect.share();
                    p.hadOutage = p.hadOutage || !places.isEmpty() || p.share != null; // a partial outage
                }
            }
            case "on-backup" -> {
                if (!p.backupRunning && p.backupLeftHours > 0) {
                    p.backupRunning = true;
                    p.backupAt = now;
                    p.hadOutage = true;
                }
            }
            case "refuel" -> {
                double left = p.backupLeftAt(now) + (effect.hours() == null ? p.autonomy() : effect.hours());
                p.backupLeftHours = left;
                p.backupAt = now;
                p.lowAlerted = p.lowAlerted && left <= rules.lowBackupHours();
                if (p.supplyLost && left > 0) {
                    p.backupRunning = true;
                }
                return true;
            }
            case "restored" -> {
                if (places.isEmpty()) {
                    p.darkPlaces.clear();
                } else {
                    places.forEach(p.darkPlaces::remove);
                }
                p.imposed = p.darkPlaces.isEmpty() ? null : ProviderState.DEGRADED;
                p.imposedBy = injectId;
                p.share = p.darkPlaces.isEmpty() ? null : p.share;
                resumeBackup(p);
            }
            case "normal" -> {
                p.imposed = null;
                p.darkPlaces.clear();
                p.share = null;
                resumeBackup(p);
            }
            default -> throw new IllegalArgumentException("unknown status effect '" + effect.effect() + "'");
        }
        return false;
    }

    private void pauseBackup(SimulatedProvider p) {
        if (p.backupRunning) {
            p.backupLeftHours = p.backupLeftAt(now);
            p.backupRunning = false;
            p.backupAt = now;
        }
    }

    /** Repaired while its supply is still missing: it runs on what its backup has left. */
    private void resumeBackup(SimulatedProvider p) {
        if (p.supplyLost && !p.backupRunning && p.backupLeftHours > 0 && p.autonomy() > 0) {
            p.backupRunning = true;
            p.backupAt = now;
        }
    }

    private List<SimulatedProvider> targets(StatusEffect effect) {
        if (effect.providerId() != null) {
            SimulatedProvider p = providers.get(effect.providerId());
            return p == null ? List.of() : List.of(p);
        }
        return providers.values().stream().filter(p -> p.provider.sector().equals(effect.sector())).toList();
    }

    /** Records the new state; while the real provider's status wins, the change is not published. */
    private void emit(SimulatedProvider p, ProviderState next, List<CauseStep> chain, String injectId, Rules rules,
                      List<Outcome> out) {
        if (p.posted != null) {
            return;
        }
        ProviderState previous = p.state;
        if (next != previous) {
            p.since = now;
        }
        p.state = next;
        p.chain = chain;
        p.changes++;
        Double left = p.backupRunning || (p.autonomy() > 0 && p.supplyLost) ? round(p.backupLeftAt(now)) : null;
        out.add(new Outcome.StatusChange(p.id(), next, previous, left, affectedPlaces(p, next), affectedShare(p, next),
                chain, injectId, now, p.changes));
        alerts(p, previous, rules, out);
    }

    private static void alerts(SimulatedProvider p, ProviderState previous, Rules rules, List<Outcome> out) {
        if (p.state != ProviderState.DOWN || previous == ProviderState.DOWN) {
            return;
        }
        if (p.provider.vulnerable()) {
            raise(p, new Outcome.Alert(VitalAlertRaised.VULNERABLE_SITE_DOWN, p.id(), "extreme", null, p.since), out);
        }
        if (p.provider.has(Provider.EMERGENCY_NUMBER) || rules.emergencyNumberProviders().contains(p.id())) {
            raise(p, new Outcome.Alert(VitalAlertRaised.EMERGENCY_NUMBER_DOWN, p.id(), "extreme", null, p.since),
                    out);
        }
    }

    private static void raise(SimulatedProvider p, Outcome.Alert alert, List<Outcome> out) {
        p.openAlerts.put(alert.kind(), alert.alertId());
        out.add(alert);
    }

    /**
     * Resolves the alerts whose condition has ended: a provider that works again ends its down alerts; a backup
     * refuelled above the threshold, or no longer needed, ends its backup-low alert.
     */
    private void settleAlerts(List<Outcome> out) {
        for (String id : order) {
            SimulatedProvider p = providers.get(id);
            if (p.openAlerts.isEmpty()) {
                continue;
            }
            for (String kind : List.copyOf(p.openAlerts.keySet())) {
                String reason = switch (kind) {
                    case VitalAlertRaised.BACKUP_LOW -> p.lowAlerted ? null
                            : p.supplyLost ? VitalAlertResolved.REFUELLED : VitalAlertResolved.POWER_RESTORED;
                    default -> p.state == ProviderState.DOWN ? null : VitalAlertResolved.WORKING_AGAIN;
                };
                if (reason != null) {
                    out.add(new Outcome.AlertResolved(kind, id, p.openAlerts.remove(kind), reason, now));
                }
            }
        }
    }

    /** The part of the households affected, while an inject's partial scope holds and the provider is out. */
    private static Double affectedShare(SimulatedProvider p, ProviderState state) {
        return state == ProviderState.NORMAL || state == ProviderState.RESTORED || p.imposed == null ? null : p.share;
    }

    private static List<String> affectedPlaces(SimulatedProvider p, ProviderState state) {
        if (state == ProviderState.NORMAL || state == ProviderState.RESTORED) {
            return List.of();
        }
        if (p.darkPlaces.isEmpty()) {
            return p.provider.servedPlaces();
        }
        // in the order the provider lists its places (the stored set has none), then any others sorted
        List<String> places = new ArrayList<>(p.provider.servedPlaces().stream().filter(p.darkPlaces::contains).toList());
        p.darkPlaces.stream().filter(d -> !places.contains(d)).sorted().forEach(places::add);
        return places;
    }

    private CauseStep step(SimulatedProvider p, ProviderState state, String reason, String injectId) {
        return new CauseStep(p.id(), state, now, reason, injectId);
    }

    private static List<CauseStep> extend(List<CauseStep> chain, CauseStep step) {
        List<CauseStep> longer = new ArrayList<>(chain);
        longer.add(step);
        return List.copyOf(longer.subList(Math.max(0, longer.size() - MAX_CHAIN), longer.size()));
    }

    private static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }
}
