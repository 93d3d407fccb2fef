package nl.weerbaar.noodsteunpunt.simulation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.weerbaar.contracts.burgerhulp.HelpNeeds;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.noodsteunpunt.NspSituationReported;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.OccupancyThresholdCrossed;
import nl.weerbaar.contracts.noodsteunpunt.ResupplyRequested;
import nl.weerbaar.contracts.noodsteunpunt.Stock;
import nl.weerbaar.contracts.noodsteunpunt.SuppliesDelivered;
import nl.weerbaar.contracts.scenario.Household;
import nl.weerbaar.contracts.scenario.NspPolicy;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.kit.geo.Distance;
import nl.weerbaar.kit.model.Emitted;

/**
 * The noodsteunpunten of one exercise on scenario time: they open by policy when the power (or 112) has been gone
 * long enough, take in the households of the population model at the nearest open NSP with room, see them leave,
 * fill up, use and run down their stock and ask for more, and turn the needs that need a person into help requests.
 * Deterministic: the same inputs at the same scenario times give the same events.
 *
 * <p>Nationally thousands of NSPs and millions of households: a step deals only with the NSPs that have something
 * due (an index by due time), and an NSP's stock is run down only when the model deals with it, from the moment its
 * levels hold for ({@link Site#stockAt}) — so the outcome does not depend on how often the clock ticks, and an
 * untouched NSP is not written back to the store.
 */
public class NspModel {

    private static final long HOUR = 3600;
    private static final String WATER = "water";
    /** Stock is run down in steps; a level this close to its low mark has reached it. */
    private static final double EPSILON = 1e-6;

    public String exerciseId;
    public long now;
    public boolean ended;
    public boolean loaded;
    public long sequence;
    public long lastReportHour;
    /**
     * Counts changes of the exercise's world ({@link #places}, {@link #servedPlaces}, {@link #sectors}): the store
     * keeps the world in an entry of its own and writes it only when this moved, not after every step.
     */
    public long worldVersion;
    public Map<String, Site> sites = new LinkedHashMap<>();
    public Map<String, Place> places = new LinkedHashMap<>();
    /** Households on their way, in order of arrival; those before {@link #pendingHead} have arrived. */
    public List<Arrival> pending = new ArrayList<>();
    public int pendingHead;
    /** Counts changes of {@link #pending} other than arrivals, which the store keeps in an entry of its own. */
    public long pendingVersion;
    /** The region's own NSP policy from the scenario, where it states one (else the deployment's). */
    public NspPolicy policy;
    /** The scenario's roles of its providers (grid, emergency-number): what makes a status matter here. */
    public Map<String, String> roles = new LinkedHashMap<>();
    /** Per power provider, the places it leaves dark. */
    public Map<String, Set<String>> darkBy = new LinkedHashMap<>();
    public Map<String, Long> darkSince = new TreeMap<>();
    public Map<String, Long> litSince = new TreeMap<>();
    public Map<String, List<String>> servedPlaces = new LinkedHashMap<>();
    public Map<String, String> sectors = new LinkedHashMap<>();
    /**
     * Per 112 provider that is down, since when. A 112 provider serves the places it lists (all, when it lists none):
     * an NSP counts 112 down in its own place only, so with 112 per part of a region the parts open apart.
     */
    public Map<String, Long> emergencyDownAt = new TreeMap<>();
    /** Per drinking-water provider that is out: where, and for which part of the households (null: all). */
    public Map<String, Dry> dryBy = new LinkedHashMap<>();

    /** {@link #nearestSites}, for the NSPs in {@link #nearestFor} and the numbers of NSPs and places then. */
    private transient Map<String, List<String>> nearest;
    private transient Map<String, Site> nearestFor;
    private transient long nearestCount;
    /** The NSPs by when they are next due ({@link Site#due}), for the NSPs in {@link #dueFor}. */
    private transient TreeSet<Site> dueOrder;
    private transient Map<String, Site> dueFor;
    /** NSPs whose due time may have moved since the index last saw them. */
    private transient Set<Site> stale = new LinkedHashSet<>();
    /** NSPs changed since the store last took them. */
    private transient Set<Site> changed = new LinkedHashSet<>();
    /** The NSPs per place, for the NSPs in {@link #byPlaceFor}. */
    private transient Map<String, List<Site>> byPlace;
    private transient Map<String, Site> byPlaceFor;
    private transient int byPlaceCount;

    public NspModel() {
        // for the store
    }

    /** An exercise's model before its scenario is known: the vital providers' status may come first. */
    public NspModel(String exerciseId) {
        this.exerciseId = exerciseId;
    }

    /** The scenario's places and NSPs, once; whatever the providers reported before applies to them. */
    public List<Emitted> load(long at, List<Place> scenarioPlaces, List<NspSite> nsps, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        if (loaded) {
            return out;
        }
        loaded = true;
        advance(at, rules, out);
        scenarioPlaces.forEach(p -> places.put(p.id(), p));
        worldVersion++;
        nsps.forEach(n -> site(n, rules));
        advance(now, rules, out);
        return out;
    }

    /** An NSP joins the model (once), after those already in it. */
    private void site(NspSite nsp, NspRules rules) {
        if (!sites.containsKey(nsp.id())) {
            Site site = new Site(nsp, now, rules.supplies());
            site.order = sites.size();
            sites.put(nsp.id(), site);
            touch(site, rules);
        }
    }

    /**
     * The model is about to deal with an NSP: its stock is run down to now at the rates that held, and it is marked
     * for the store and for the index of what is due. Every change to an NSP starts here.
     */
    private Site touch(Site site, NspRules rules) {
        integrate(site, rules);
        changed.add(site);
        stale.add(site);
        return site;
    }

    /** The NSPs the model changed since the last call, in their order; the store writes these back. */
    public List<Site> takeChanged() {
        List<Site> out = new ArrayList<>(changed);
        out.sort(Comparator.comparingLong(s -> s.order));
        changed.clear();
        return out;
    }

    /** The NSPs changed since the store last took them, without taking them. */
    Collection<Site> changedSoFar() {
        return changed;
    }

    // ---- inputs ----

    public List<Emitted> advanceTo(long at, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        return out;
    }

    /** The population model's households of one hour, spread over that hour. */
    public List<Emitted> demand(long from, long to, Map<String, List<Household>> arrivalsByPlace, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(from, rules, out);
        List<Arrival> next = new ArrayList<>(pending.subList(pendingHead, pending.size()));
        arrivalsByPlace.forEach((placeId, households) -> {
            for (int i = 0; i < households.size(); i++) {
                long at = from + (to - from) * (2L * i + 1) / (2L * households.size());
                next.add(new Arrival(Math.max(at, now), placeId, households.get(i)));
            }
        });
        next.sort(Comparator.comparingLong(Arrival::at).thenComparing(a -> a.household().ref()));
        pending = next;
        pendingHead = 0;
        pendingVersion++;
        advance(now, rules, out);
        return out;
    }

    public List<Emitted> providerRegistered(String providerId, String sector, List<String> places, String role) {
        sectors.put(providerId, sector);
        if (role != null) {
            roles.put(providerId, role);
        }
        servedPlaces.put(providerId, places == null ? List.of() : List.copyOf(places));
        worldVersion++;
        return List.of();
    }

    /**
     * A provider's status: the grid leaves places dark or lights them, 112 goes down or returns. It takes effect as
     * of the provider's own scenario time but does not move the model's clock: the exercise topic does that, so the
     * population of the same moment is never overtaken.
     */
    public List<Emitted> providerStatus(String providerId, String sector, ProviderState state,
                                        List<String> affectedPlaces, long at, NspRules rules) {
        return providerStatus(providerId, sector, state, affectedPlaces, null, at, rules);
    }

    /** As above, with the part of the households affected ({@code affectedShare}, null: all of them). */
    public List<Emitted> providerStatus(String providerId, String sector, ProviderState state,
                                        List<String> affectedPlaces, Double affectedShare, long at, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        if (Provider.DRINKING_WATER.equals(roles.get(providerId))) {
            if (state == ProviderState.DOWN || state == ProviderState.DEGRADED) {
                List<String> affected = affectedPlaces != null && !affectedPlaces.isEmpty() ? affectedPlaces
                        : servedPlaces.getOrDefault(providerId, List.of());
                dryBy.put(providerId, new Dry(new TreeSet<>(affected.isEmpty() ? places.keySet()
                        : affected), affectedShare));
            } else {
                dryBy.remove(providerId);
            }
        }
        if (Provider.GRID.equals(roles.get(providerId)) || rules.powerSectors().contains(sector)) {
            Set<String> dark = new LinkedHashSet<>();
            if (state == ProviderState.DOWN || state == ProviderState.DEGRADED) {
                List<String> affected = affectedPlaces != null && !affectedPlaces.isEmpty() ? affectedPlaces
                        : servedPlaces.getOrDefault(providerId, List.of());
                dark.addAll(affected.isEmpty() ? places.keySet() : affected);
            }
            darkBy.put(providerId, dark);
            updateDarkness(at, rules);
        }
        if (Provider.EMERGENCY_NUMBER.equals(roles.get(providerId)) || rules.emergencyNumbers().contains(providerId)) {
            boolean moved = state == ProviderState.DOWN ? emergencyDownAt.putIfAbsent(providerId, at) == null
                    : emergencyDownAt.remove(providerId) != null;
            if (moved) {
                stale.addAll(sites.values()); // the NSPs' policy counts from it; no stock changes
            }
        }
        advance(now, rules, out);
        return out;
    }

    /** The crisis team registers an NSP the scenario did not have. */
    public List<Emitted> addSite(NspSite nsp, long at, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        site(nsp, rules);
        advance(now, rules, out);
        return out;
    }

    /** The crisis team opens or closes an NSP (its event is on the topic already). */
    public List<Emitted> crisisTeamState(String nspId, NspState state, long at, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        Site site = sites.get(nspId);
        if (site != null) {
            touch(site, rules);
            if (state == NspState.CLOSED) {
                sendHome(site, out);
                site.closedByCrisisTeam = true;
            } else {
                site.closedByCrisisTeam = false;
                site.openedByPolicy = false;
            }
            site.state = state;
            site.since = now;
            site.openAt = state == NspState.OPENING ? now + rules.openingMinutes() * 60L : null;
            advance(now, rules, out);
        }
        return out;
    }

    /**
     * A decision of the crisis team, at its scenario time: an NSP opened ahead of the policy (opening now, open after
     * the opening time; the policy closes it again after the power returns, as one it opened itself) or closed (the
     * people there go home, and the policy leaves it closed). A decision about an NSP not here, or one already in
     * that state, changes nothing.
     */
    public List<Emitted> decision(Decision d, long at, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        Site site = d.nspId() == null ? null : sites.get(d.nspId());
        if (site == null) {
            return out;
        }
        touch(site, rules);
        boolean serving = site.state == NspState.OPENING || site.inUse();
        if (d.kind() == DecisionKind.OPEN_NSP && !serving) {
            site.closedByCrisisTeam = false;
            site.openedByPolicy = true;
            site.openAt = now + rules.openingMinutes() * 60L;
            changeState(site, NspState.OPENING, NspStateChanged.BY_DECISION, NspStateChanged.BY_DECISION,
                    NspTexts.openingByDecision(site.nsp.name()), d.by(), out);
        } else if (d.kind() == DecisionKind.CLOSE_NSP && serving) {
            sendHome(site, out);
            site.closedByCrisisTeam = true;
            site.openedByPolicy = false;
            site.openAt = null;
            changeState(site, NspState.CLOSED, NspStateChanged.BY_DECISION, NspStateChanged.BY_DECISION,
                    NspTexts.closedByDecision(site.nsp.name()), d.by(), out);
        }
        advance(now, rules, out);
        return out;
    }

    /** An operator checked a household in (its event is on the topic already): what follows from it. */
    public List<Emitted> operatorCheckIn(CitizenCheckedIn in, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(in.atSeconds(), rules, out);
        Site site = sites.get(in.nspId());
        if (site != null && !site.present.containsKey(in.checkInId())) {
            admit(touch(site, rules), new Site.Present(in.checkInId(), in.householdSize(), in.needs(),
                    in.lessSelfReliant(), CitizenCheckedIn.FROM_OPERATOR, null), in.note(), rules, out);
        }
        advance(now, rules, out);
        return out;
    }

    public List<Emitted> operatorCheckOut(String nspId, String checkInId, long at, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        Site site = sites.get(nspId);
        if (site != null && site.present.containsKey(checkInId)) {
            leave(touch(site, rules), site.present.get(checkInId), rules);
            settle(site, rules, out);
        }
        advance(now, rules, out);
        return out;
    }

    public List<Emitted> delivered(String nspId, double water, double food, double fuel, long at, NspRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        Site site = sites.get(nspId);
        if (site != null) {
            receive(touch(site, rules), water, food, fuel);
        }
        advance(now, rules, out);
        return out;
    }

    /** After a purge the households still waiting carry no postcode. */
    public List<Emitted> purge() {
        pending = new ArrayList<>(pending.subList(pendingHead, pending.size()));
        pendingHead = 0;
        pending.replaceAll(a -> new Arrival(a.at(), a.placeId(), new Household(a.household().ref(),
                a.household().size(), a.household().needs(), a.household().lessSelfReliant(), null)));
        pendingVersion++;
        return List.of();
    }

    // ---- scenario time ----

    /** Lets everything due up to {@code at} happen at its own scenario time, in order. */
    private void advance(long at, NspRules rules, List<Emitted> out) {
        while (true) {
            long next = nextDue(rules);
            if (next > at) {
                now = Math.max(now, at);
                return;
            }
            now = Math.max(now, next);
            handleDue(rules, out);
        }
    }

    private long nextDue(NspRules rules) {
        long next = (lastReportHour + 1) * HOUR;
        if (pendingHead < pending.size()) {
            next = Math.min(next, pending.get(pendingHead).at());
        }
        TreeSet<Site> due = dueOrder(rules);
        if (!due.isEmpty()) {
            next = Math.min(next, due.first().due);
        }
        return Math.max(next, now);
    }

    /** The index of NSPs by due time, brought up to date for those that changed (all, when the NSPs were replaced). */
    private TreeSet<Site> dueOrder(NspRules rules) {
        if (dueFor != sites) {
            dueOrder = new TreeSet<>(Comparator.comparingLong((Site s) -> s.due).thenComparingLong(s -> s.order));
            dueFor = sites;
            stale.clear();
            for (Site site : sites.values()) {
                site.due = siteDue(site, rules);
                dueOrder.add(site);
            }
        }
        for (Site site : stale) {
            dueOrder.remove(site);
            site.due = siteDue(site, rules);
            dueOrder.add(site);
        }
        stale.clear();
        return dueOrder;
    }

    private long siteDue(Site site, NspRules rules) {
        long next = Long.MAX_VALUE;
        if (site.openAt != null) {
            next = Math.min(next, site.openAt);
        }
        Long trigger = openTrigger(site, rules);
        if (trigger != null) {
            next = Math.min(next, trigger);
        }
        Long close = closeTrigger(site, rules);
        if (close != null) {
            next = Math.min(next, close);
        }
        Long leave = site.nextLeave();
        if (leave != null) {
            next = Math.min(next, leave);
        }
        for (Site.Delivery d : site.deliveries) {
            next = Math.min(next, d.at());
        }
        return Math.max(now, Math.min(next, lowStockAt(site, rules)));
    }

    private void handleDue(NspRules rules, List<Emitted> out) {
        TreeSet<Site> index = dueOrder(rules);
        List<Site> due = new ArrayList<>();
        while (!index.isEmpty() && index.first().due <= now) {
            due.add(index.pollFirst());
        }
        due.sort(Comparator.comparingLong(s -> s.order));
        for (Site site : due) {
            touch(site, rules);
            Long trigger = openTrigger(site, rules);
            if (trigger != null && trigger <= now) {
                openByPolicy(site, rules, out);
            }
            if (site.openAt != null && site.openAt <= now) {
                site.openAt = null;
                changeState(site, NspState.OPEN, "opening-done", NspStateChanged.BY_POLICY,
                        NspTexts.open(site.nsp.name()), out);
            }
            Long close = closeTrigger(site, rules);
            if (close != null && close <= now) {
                sendHome(site, out);
                site.openedByPolicy = false;
                site.openAt = null;
                changeState(site, NspState.CLOSED, "power-restored", NspStateChanged.BY_POLICY,
                        NspTexts.closedAfterRestore(site.nsp.name(), placeName(site.nsp.placeId())), out);
            }
            for (Site.Present p : site.leavingBy(now)) {
                leave(site, p, rules);
                out.add(emit(site.id(), new CitizenCheckedOut(exerciseId, site.id(), p.checkInId(), p.size(),
                        CitizenCheckedOut.LEFT, CitizenCheckedIn.FROM_POPULATION, null, now)));
            }
            for (Site.Delivery d : List.copyOf(site.deliveries)) {
                if (d.at() <= now) {
                    site.deliveries.remove(d);
                    double water = "water".equals(d.item()) ? d.amount() : 0;
                    double food = "food".equals(d.item()) ? d.amount() : 0;
                    double fuel = "fuel".equals(d.item()) ? d.amount() : 0;
                    receive(site, water, food, fuel);
                    out.add(emit(site.id(), new SuppliesDelivered(exerciseId, site.id(), d.requestId(), water, food,
                            fuel, SuppliesDelivered.BY_LOGISTICS, null, now)));
                }
            }
            settle(site, rules, out);
        }
        while (pendingHead < pending.size() && pending.get(pendingHead).at() <= now) {
            arrive(pending.get(pendingHead++), rules, out);
        }
        if ((lastReportHour + 1) * HOUR <= now) {
            lastReportHour = now / HOUR;
            report(rules, out);
        }
    }

    // ---- opening and closing ----

    private Long openTrigger(Site site, NspRules rules) {
        boolean mayOpen = site.state == NspState.PLANNED || site.state == NspState.CLOSED && !site.closedByCrisisTeam;
        if (!mayOpen) {
            return null;
        }
        Long trigger = null;
        Long dark = darkSince.get(site.nsp.placeId());
        if (dark != null) {
            trigger = dark + rules.powerDownMinutes() * 60L;
        }
        Long emergency = emergencyDownSince(site.nsp.placeId());
        if (emergency != null) {
            long t = emergency + rules.emergencyDownMinutes() * 60L;
            trigger = trigger == null ? t : Math.min(trigger, t);
        }
        return trigger;
    }

    /** Since when 112 cannot be reached from {@code placeId}: the earliest failure of a 112 provider serving it. */
    private Long emergencyDownSince(String placeId) {
        Long since = null;
        for (Map.Entry<String, Long> down : emergencyDownAt.entrySet()) {
            List<String> served = servedPlaces.getOrDefault(down.getKey(), List.of());
            if (served.isEmpty() || served.contains(placeId)) {
                since = since == null ? down.getValue() : Math.min(since, down.getValue());
            }
        }
        return since;
    }

    private Long closeTrigger(Site site, NspRules rules) {
        Long lit = litSince.get(site.nsp.placeId());
        boolean inUse = site.inUse();
        if (!site.openedByPolicy || !inUse || lit == null || emergencyDownSince(site.nsp.placeId()) != null) {
            return null;
        }
        return lit + rules.closeAfterRestoreMinutes() * 60L;
    }

    private void openByPolicy(Site site, NspRules rules, List<Emitted> out) {
        Long dark = darkSince.get(site.nsp.placeId());
        boolean power = dark != null && dark + rules.powerDownMinutes() * 60L <= now;
        String reason = power ? "power-down" : "emergency-number-down";
        long minutes = power ? rules.powerDownMinutes() : rules.emergencyDownMinutes();
        site.openedByPolicy = true;
        site.openAt = now + rules.openingMinutes() * 60L;
        changeState(site, NspState.OPENING, reason, NspStateChanged.BY_POLICY,
                NspTexts.opening(site.nsp.name(), reason, placeName(site.nsp.placeId()), minutes), out);
    }

    private void changeState(Site site, NspState state, String reason, String trigger, Text message,
                             List<Emitted> out) {
        changeState(site, state, reason, trigger, message, null, out);
    }

    private void changeState(Site site, NspState state, String reason, String trigger, Text message, String by,
                             List<Emitted> out) {
        NspState previous = site.state;
        site.state = state;
        site.since = now;
        out.add(emit(site.id(), new NspStateChanged(exerciseId, site.id(), state, previous, reason, trigger, message,
                by, now)));
    }

    private void sendHome(Site site, List<Emitted> out) {
        for (Site.Present p : List.copyOf(site.present.values())) {
            site.remove(p.checkInId());
            site.occupancy -= p.size();
            out.add(emit(site.id(), new CitizenCheckedOut(exerciseId, site.id(), p.checkInId(), p.size(),
                    CitizenCheckedOut.NSP_CLOSED, p.source(), null, now)));
        }
        site.thresholdLevel = 0;
    }

    /**
     * Dark and lit places as of {@code since}: the provider's own scenario time, which may lie a little before the
     * model's when its status arrived after a tick, so a policy counts from when the power really failed.
     */
    private void updateDarkness(long since, NspRules rules) {
        Set<String> dark = new LinkedHashSet<>();
        darkBy.values().forEach(dark::addAll);
        for (String place : dark) {
            if (!darkSince.containsKey(place)) {
                // their generators start: the stock until now at the old rates
                sitesIn(place).forEach(site -> touch(site, rules));
                darkSince.put(place, since);
                litSince.remove(place);
            }
        }
        for (String place : List.copyOf(darkSince.keySet())) {
            if (!dark.contains(place)) {
                sitesIn(place).forEach(site -> touch(site, rules));
                darkSince.remove(place);
                litSince.put(place, since);
            }
        }
    }

    private List<Site> sitesIn(String placeId) {
        if (byPlaceFor != sites || byPlaceCount != sites.size()) {
            byPlace = new HashMap<>();
            sites.values().forEach(s -> byPlace.computeIfAbsent(s.nsp.placeId(), p -> new ArrayList<>()).add(s));
            byPlaceFor = sites;
            byPlaceCount = sites.size();
        }
        return byPlace.getOrDefault(placeId, List.of());
    }

    // ---- people ----

    private void arrive(Arrival arrival, NspRules rules, List<Emitted> out) {
        Long lit = litSince.get(arrival.placeId());
        if (lit != null && lit <= arrival.at()) {
            // the power is back in their place: they stay home (the population model's bands know only the hour),
            // rather than being counted unserved at NSPs that closed because the power came back
            return;
        }
        Household h = withWaterIfDry(arrival.household(), arrival.placeId());
        Place place = places.get(arrival.placeId());
        Site nearestInUse = null;
        Site chosen = null;
        for (String id : nearestSites(arrival.placeId())) {
            Site s = sites.get(id);
            nearestInUse = nearestInUse == null && s.state.serving() ? s : nearestInUse;
            chosen = chosen == null && s.hasRoomFor(h.size()) ? s : chosen;
            if (nearestInUse != null && chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            out.add(emit(arrival.placeId(), new HouseholdUnserved(exerciseId, arrival.placeId(), h.ref(), h.size(),
                    h.needs(), nearestInUse == null ? HouseholdUnserved.NO_OPEN_NSP : HouseholdUnserved.ALL_FULL,
                    now)));
            return;
        }
        touch(chosen, rules);
        String checkInId = "ci-" + h.ref();
        String redirectedFrom = nearestInUse != null && nearestInUse != chosen ? nearestInUse.id() : null;
        out.add(emit(chosen.id(), new CitizenCheckedIn(exerciseId, chosen.id(), checkInId, h.size(), h.needs(),
                h.lessSelfReliant(), h.postcode(), null, CitizenCheckedIn.FROM_POPULATION, h.ref(), redirectedFrom,
                null, now)));
        admit(chosen, new Site.Present(checkInId, h.size(), h.needs(), h.lessSelfReliant(),
                CitizenCheckedIn.FROM_POPULATION, leaveAt(h)), null, rules, out);
    }

    /**
     * Demand that follows the world: where the tap is dry (a drinking-water provider out in the household's place, for
     * its share of the households), a household that comes to an NSP needs water, whatever else it came for. Which
     * households are in the share follows from their reference alone, so it is the same in every run.
     */
    private Household withWaterIfDry(Household h, String placeId) {
        if (dryBy.isEmpty() || h.needs().contains(WATER)) {
            return h;
        }
        // mixed, not the bare hash: references that differ in a digit would otherwise sit side by side
        double position = new SplittableRandom(h.ref().hashCode()).nextDouble();
        boolean dry = dryBy.values().stream().anyMatch(d -> d.places().contains(placeId)
                && (d.share() == null || position < d.share()));
        if (!dry) {
            return h;
        }
        List<String> needs = new ArrayList<>(h.needs());
        needs.add(WATER);
        return new Household(h.ref(), h.size(), List.copyOf(needs), h.lessSelfReliant(), h.postcode());
    }

    /** Where a drinking-water provider is out, and for which part of the households there (null: all). */
    public record Dry(Set<String> places, Double share) {
    }

    /**
     * A place's NSPs, nearest first (ties by id). NSPs do not move, so this is worked out once per place and set of
     * NSPs rather than sorted again for every household (thousands of NSPs times millions of households nationally).
     */
    private List<String> nearestSites(String placeId) {
        if (nearestFor != sites || nearestCount != sites.size() + ((long) places.size() << 32)) {
            nearest = new HashMap<>();
            nearestFor = sites;
            nearestCount = sites.size() + ((long) places.size() << 32);
        }
        return nearest.computeIfAbsent(placeId, id -> {
            Place place = places.get(id);
            // each distance once, not twice per comparison: nationally 3,600 per place instead of some 85,000
            return sites.values().stream().map(s -> new Away(s.id(), distanceKm(place, s.nsp)))
                    .sorted(Comparator.comparingDouble(Away::km).thenComparing(Away::id))
                    .map(Away::id).toList();
        });
    }

    private Long leaveAt(Household household) {
        Long stay = StayRules.staySeconds(household);
        return stay == null ? null : now + stay;
    }

    /** A household is inside: occupancy, a day's water and food for those who need it, help, thresholds. */
    private void admit(Site site, Site.Present p, String note, NspRules rules, List<Emitted> out) {
        site.admit(p);
        site.occupancy += p.size();
        site.arrivals.add(now);
        site.arrivals.removeIf(t -> t <= now - HOUR);
        NspRules.Supplies s = rules.supplies();
        if (p.needs().contains("water")) {
            site.water = Math.max(0, site.water - p.size() * s.waterPerPersonDay());
        }
        if (p.needs().contains("food")) {
            site.food = Math.max(0, site.food - p.size() * s.rationsPerPersonDay() / 3);
        }
        for (String need : p.needs()) {
            HelpNeeds.forNeed(need, p.lessSelfReliant()).ifPresent(help -> out.add(emit(site.id(),
                    new HelpRequested(exerciseId, "help-" + p.checkInId() + "-" + need, site.id(),
                            site.nsp.placeId(), need, help.urgency(), now + help.deadlineSeconds(),
                            p.lessSelfReliant(), p.size(), site.nsp.lat(), site.nsp.lon(), p.checkInId(), note,
                            now))));
        }
        for (int threshold : rules.thresholdsPercent()) {
            if (threshold > site.thresholdLevel && site.percent() >= threshold) {
                site.thresholdLevel = threshold;
                out.add(emit(site.id(), new OccupancyThresholdCrossed(exerciseId, site.id(), threshold,
                        site.occupancy, site.nsp.capacity(),
                        NspTexts.threshold(site.nsp.name(), threshold, site.occupancy, site.nsp.capacity()), now)));
            }
        }
        if (site.state == NspState.OPEN && site.occupancy >= site.nsp.capacity()) {
            changeState(site, NspState.FULL, "capacity-reached", NspStateChanged.BY_CAPACITY,
                    NspTexts.full(site.nsp.name(), site.occupancy, site.nsp.capacity()), out);
        }
        settle(site, rules, out);
    }

    private void leave(Site site, Site.Present p, NspRules rules) {
        site.remove(p.checkInId());
        site.occupancy -= p.size();
        int rearmBelow = site.thresholdLevel - 10;
        if (site.percent() < rearmBelow) {
            site.thresholdLevel = rules.thresholdsPercent().stream().filter(t -> t <= site.percent())
                    .max(Integer::compare).orElse(0);
        }
    }

    /** A full NSP that has emptied below the reopen level takes people again. */
    private void roomAgain(Site site, NspRules rules, List<Emitted> out) {
        if (site.state == NspState.FULL && site.percent() < rules.reopenBelowPercent()) {
            changeState(site, NspState.OPEN, "room-again", NspStateChanged.BY_CAPACITY,
                    NspTexts.roomAgain(site.nsp.name(), site.occupancy, site.nsp.capacity()), out);
        }
    }

    // ---- supplies ----

    /**
     * Runs an NSP's stock down from {@link Site#stockAt} to now at the rates that held since: drinking water and food
     * for the people present, generator fuel from when its place went dark. Only {@link #touch} calls this: the
     * rates change only when the model deals with the NSP or its place's power changes, and both touch it first.
     */
    private void integrate(Site site, NspRules rules) {
        if (now <= site.stockAt) {
            return;
        }
        Stock levels = levelsNow(site, rules);
        site.water = levels.waterLitres();
        site.food = levels.foodRations();
        site.fuel = levels.fuelHours();
        site.stockAt = now;
    }

    /** An NSP's stock now, run down from {@link Site#stockAt} (unrounded; the NSP itself is left as it is). */
    private Stock levelsNow(Site site, NspRules rules) {
        double hours = Math.max(0, now - site.stockAt) / 3600.0;
        double water = Math.max(0, site.water - waterRate(site, rules) * hours);
        double food = Math.max(0, site.food - foodRate(site, rules) * hours);
        Double fuel = site.fuel;
        Long dark = darkSince.get(site.nsp.placeId());
        if (fuel != null && site.inUse() && dark != null) {
            long from = Math.max(site.stockAt, dark);
            fuel = now > from ? Math.max(0, fuel - (now - from) / 3600.0) : fuel;
        }
        return new Stock(water, food, fuel);
    }

    private static double waterRate(Site site, NspRules rules) {
        return site.state.serving() ? site.occupancy * rules.supplies().waterPerPersonDay() / 24 : 0;
    }

    private static double foodRate(Site site, NspRules rules) {
        return site.state.serving() ? site.occupancy * rules.supplies().rationsPerPersonDay() / 24 : 0;
    }

    private double fuelRate(Site site) {
        boolean running = site.inUse();
        Long dark = darkSince.get(site.nsp.placeId());
        return running && dark != null && dark <= now ? 1 : 0;
    }

    /**
     * When the first item not yet asked for will cross its low mark at the current rates, counted from the time the
     * NSP's levels hold for (not from whenever this is asked), so it does not depend on when the index asks.
     */
    private long lowStockAt(Site site, NspRules rules) {
        long at = Long.MAX_VALUE;
        if (!(site.inUse())) {
            return at;
        }
        for (String item : List.of("water", "food", "fuel")) {
            Double level = level(site, item);
            if (level == null || site.requested.contains(item)) {
                continue;
            }
            if (level <= low(site, item, rules) + EPSILON) {
                return site.stockAt;
            }
            long from = site.stockAt;
            double rate = switch (item) {
                case "water" -> waterRate(site, rules);
                case "food" -> foodRate(site, rules);
                default -> 0;
            };
            Long dark = darkSince.get(site.nsp.placeId());
            if ("fuel".equals(item) && dark != null) {
                rate = 1;
                from = Math.max(from, dark);
            }
            if (rate > 0) {
                // whole seconds, never at once: a level a rounding error above its mark is reached a second later
                double seconds = (level - low(site, item, rules)) / rate * 3600 - 1e-6;
                at = Math.min(at, from + Math.max(1, (long) Math.ceil(seconds)));
            }
        }
        return at;
    }

    /** After a change at a site: a full one may have room again, a stock may have run low. */
    private void settle(Site site, NspRules rules, List<Emitted> out) {
        roomAgain(site, rules, out);
        checkStock(site, rules, out);
    }

    private void checkStock(Site site, NspRules rules, List<Emitted> out) {
        if (!(site.inUse())) {
            return;
        }
        for (String item : List.of("water", "food", "fuel")) {
            Double level = level(site, item);
            if (level == null || site.requested.contains(item) || level > low(site, item, rules) + EPSILON) {
                continue;
            }
            site.requested.add(item);
            double requested = Site.round(initial(site, item) - level);
            double rate = switch (item) {
                case "water" -> waterRate(site, rules);
                case "food" -> foodRate(site, rules);
                default -> fuelRate(site);
            };
            Double hoursLeft = rate > 0 ? Site.round(level / rate) : null;
            String requestId = "resupply-" + site.id() + "-" + item + "-" + (++site.resupplies);
            out.add(emit(site.id(), new ResupplyRequested(exerciseId, site.id(), requestId, item, Site.round(level),
                    unit(item), hoursLeft, requested,
                    NspTexts.resupply(site.nsp.name(), item, level, hoursLeft, requested), now)));
            if (rules.supplies().deliveryHours() > 0) {
                site.deliveries.add(new Site.Delivery(requestId, item, requested,
                        now + Math.round(rules.supplies().deliveryHours() * HOUR)));
            }
        }
    }

    private static void receive(Site site, double water, double food, double fuel) {
        site.water += water;
        site.food += food;
        if (site.fuel != null) {
            site.fuel += fuel;
        }
        if (water > 0) {
            site.requested.remove("water");
        }
        if (food > 0) {
            site.requested.remove("food");
        }
        if (fuel > 0) {
            site.requested.remove("fuel");
        }
    }

    private static Double level(Site site, String item) {
        return switch (item) {
            case "water" -> site.water;
            case "food" -> site.food;
            default -> site.fuel;
        };
    }

    private static double initial(Site site, String item) {
        return switch (item) {
            case "water" -> site.initialWater;
            case "food" -> site.initialFood;
            default -> site.initialFuel == null ? 0 : site.initialFuel;
        };
    }

    private static double low(Site site, String item, NspRules rules) {
        return initial(site, item) * rules.supplies().lowShare();
    }

    private static String unit(String item) {
        return switch (item) {
            case "water" -> "litres";
            case "food" -> "rations";
            default -> "hours";
        };
    }

    // ---- reports ----

    private void report(NspRules rules, List<Emitted> out) {
        for (Site site : sites.values()) {
            if (!(site.inUse())) {
                continue;
            }
            // read only: the NSP is left as it is, so reporting does not make every NSP a change for the store
            int arrivals = (int) site.arrivals.stream().filter(t -> t > now - HOUR).count();
            Map<String, Integer> needs = new TreeMap<>();
            site.present.values().forEach(p -> p.needs().forEach(n -> needs.merge(n, p.size(), Integer::sum)));
            out.add(emit(site.id(), new NspSituationReported(exerciseId, site.id(), site.state, site.occupancy,
                    site.nsp.capacity(), arrivals, needs, Site.rounded(levelsNow(site, rules)), now)));
        }
    }

    private Emitted emit(String key, Object payload) {
        return new Emitted(key, payload, now, ++sequence);
    }

    private String placeName(String placeId) {
        Place place = places.get(placeId);
        return place == null ? placeId : place.name();
    }

    /** An NSP and its distance from a place, for sorting. */
    private record Away(String id, double km) {
    }

    static double distanceKm(Place place, NspSite nsp) {
        return place == null ? 0 : Distance.km(place.lat(), place.lon(), nsp.lat(), nsp.lon());
    }
}
