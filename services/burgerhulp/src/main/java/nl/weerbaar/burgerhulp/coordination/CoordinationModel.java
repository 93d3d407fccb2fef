package nl.weerbaar.burgerhulp.coordination;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import nl.weerbaar.burgerhulp.matching.Candidate;
import nl.weerbaar.burgerhulp.matching.Conditions;
import nl.weerbaar.burgerhulp.matching.HelpNeed;
import nl.weerbaar.burgerhulp.matching.Match;
import nl.weerbaar.burgerhulp.matching.Matcher;
import nl.weerbaar.burgerhulp.matching.Phones;
import nl.weerbaar.burgerhulp.matching.VolunteerIndex;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.CommandRefused;
import nl.weerbaar.contracts.burgerhulp.HelpNeeds;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.kit.geo.Distance;
import nl.weerbaar.kit.model.Emitted;

/**
 * The coordination of citizen aid in one exercise on scenario time (after Crisis Cleanup's claim/status cycle and
 * EDXL-RM's request, offer, commit, release): a help request is offered to the best few volunteers; the first to
 * accept gets it and the other offers lapse; a decline or an expiry leads to the next round without those asked
 * before; when nobody is left, or the deadline passes first, the request is escalated to the crisis team. Volunteers
 * of the scenario pool answer as their behaviour says (acceptance chance, response time), decided from the scenario's
 * seed and the offer, so a re-run answers the same. Kept per volunteer and request (CoordinationStore).
 */
public class CoordinationModel {

    public String exerciseId;
    public long now;
    public long sequence;
    public boolean ended;
    /**
     * The scenario's seed: what the pool's volunteers do is drawn from it (not from the exercise id), so a re-run of
     * the same scenario and seed answers the same, under any exercise id.
     */
    public long seed;
    /** Where volunteers can be phoned now. */
    public Phones phones = Phones.EVERYWHERE;
    /** The providers of the phones and of fuel: the scenario's roles (and any the deployment names), per exercise. */
    public java.util.Set<String> phoneProviders = new java.util.TreeSet<>();
    public java.util.Set<String> fuelProviders = new java.util.TreeSet<>();
    /** How many places the scenario has, and the places each phone provider serves ({@link PhoneCoverage}). */
    public int placeCount;
    public Map<String, List<String>> phoneServes = new LinkedHashMap<>();
    /** Where each phone provider is down ({@link PhoneCoverage#out}); absent while it works. */
    public Map<String, List<String>> phoneOut = new LinkedHashMap<>();
    public boolean fuelAvailable = true;
    /** The fuel providers' last known state: working or not. */
    public Map<String, Boolean> providerUp = new LinkedHashMap<>();
    public Map<String, VolunteerState> volunteers = new LinkedHashMap<>();
    public Map<String, RequestState> requests = new LinkedHashMap<>();
    /** How many requests came in: the next one's {@link RequestState#order}. */
    public long requestsTaken;
    /** The noodsteunpunten, where pool volunteers go when the phones fail. */
    public Map<String, NspPoint> nsps = new LinkedHashMap<>();
    /**
     * Counts changes of {@link #nsps} (thousands nationally): the store keeps them in an entry of their own and writes
     * it only when this moved, not after every step.
     */
    public long nspsVersion;
    /** When the phones and the fuel changed: a request played from an earlier time sees them as they were then. */
    public List<ConditionChange> conditionChanges = new ArrayList<>();

    /**
     * The requests by when something is next due in them: a step of the clock looks at those due, not at every
     * request of the exercise (a region has tens of thousands). Derived from {@link #requests} (never stored) and
     * rebuilt when that map is replaced.
     */
    private transient DueRequests due;
    private transient Map<String, RequestState> dueFor;
    /** Where the volunteers of {@link #volunteers} live and who is present where; rebuilt when that map is replaced. */
    private transient VolunteerIndex index;
    private transient Map<String, VolunteerState> indexFor;
    /**
     * The volunteers this model changed, and the requests it took in, since the store last asked
     * ({@link #takeChanges}): the store compares only those, not 200,000 volunteers after every step.
     */
    private transient Set<String> changedVolunteers = new LinkedHashSet<>();
    /**
     * The requests finished and stored that {@link #forgetFinished} took out of {@link #requests}: a national
     * exercise's half a million would otherwise fill the heap, though nothing changes them any more. Their ids stay,
     * so a request that comes again is known.
     */
    private transient Set<String> finishedRequests = new HashSet<>();
    private transient List<String> newRequests = new ArrayList<>();

    public CoordinationModel() {
        // for the store
    }

    public CoordinationModel(String exerciseId) {
        this.exerciseId = exerciseId;
    }

    // ---- inputs ----

    public List<Emitted> volunteer(Volunteer volunteer, boolean synthetic, long at, CoordinationRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        if (!volunteers.containsKey(volunteer.id())) {
            VolunteerState v = new VolunteerState(volunteer, synthetic);
            v.order = volunteers.size();
            VolunteerIndex known = index();
            volunteers.put(volunteer.id(), v);
            changedVolunteers.add(volunteer.id());
            known.add(volunteer.id(), volunteer.lat(), volunteer.lon(), null, responseMinutes(v));
            if (!phones.in(volunteer.placeId())) {
                reportIn(v, rules, out);
            }
        }
        retryWaiting(rules, out);
        return out;
    }

    public List<Emitted> presence(String volunteerId, String nspId, boolean present, long at,
                                  CoordinationRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        VolunteerState v = volunteers.get(volunteerId);
        if (v != null) {
            moveTo(v, present ? nspId : null);
            retryWaiting(rules, out);
        }
        return out;
    }

    /**
     * A help request to match; {@code announce} when it came from elsewhere (a noodsteunpunt) and is put on the
     * burgerhulp topic by the model, not when a coordinator's request is on it already.
     * <p>
     * A request can come in after the model's clock has passed the time it was asked: the noodsteunpunten work
     * through a jump of the exercise after this model has taken the jump (another topic), and at high speed their
     * requests trail the clock by a few scenario minutes. Such a request is played from the time it was asked up to
     * now, so it is offered, answered and done (or escalated) at the times it would have been, instead of being
     * escalated en masse at the end of a jump because its deadline lies behind the clock. Everything else due in the
     * model lies after now, so replaying that stretch touches only this request.
     */
    public List<Emitted> open(HelpRequestOpened request, boolean announce, CoordinationRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(request.atSeconds(), rules, out);
        if (!requests.containsKey(request.requestId()) && !finishedRequests.contains(request.requestId())) {
            long clock = now;
            now = request.atSeconds();
            if (announce) {
                out.add(emit(request.requestId(), request));
            }
            RequestState r = new RequestState(request);
            r.order = requestsTaken++;
            requests.put(request.requestId(), r);
            newRequests.add(request.requestId());
            touched(r);
            nextRound(r, rules, out);
            advance(clock, rules, out);
        }
        return out;
    }

    /**
     * A volunteer (or a coordinator for one) answered an offer over the API: a command, decided here at its scenario
     * time. It becomes the fact {@code offer-answered} (with who answered) while the offer still stands, and
     * {@code command-refused} when it has expired or the request was taken meanwhile.
     */
    public List<Emitted> answered(OfferAnswered command, String commandId, CoordinationRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(command.atSeconds(), rules, out);
        RequestState r = requests.get(command.requestId());
        RequestState.Offer offer = r == null ? null : r.offers.get(command.offerId());
        boolean answer = OfferAnswered.ACCEPTED.equals(command.answer())
                || OfferAnswered.DECLINED.equals(command.answer());
        if (!answer || offer == null || r.settled() || !offer.volunteerId().equals(command.volunteerId())) {
            out.add(refuse(command.requestId(), commandId, EventType.OFFER_ANSWER_SUBMITTED, command.volunteerId(),
                    answer ? CommandRefused.OFFER_NOT_OPEN : CommandRefused.NOT_A_COMMAND, command.by()));
            return out;
        }
        r.offers.remove(command.offerId());
        touched(r);
        out.add(emit(command.requestId(), new OfferAnswered(exerciseId, command.requestId(), command.offerId(),
                command.volunteerId(), command.answer(), command.by(), now)));
        if (OfferAnswered.ACCEPTED.equals(command.answer())) {
            assign(r, offer, false, rules, out);
        } else if (r.offers.isEmpty()) {
            nextRound(r, rules, out);
        }
        return out;
    }

    /**
     * The volunteer who has a request reported progress over the API: a command, decided into
     * {@code assignment-progressed} or {@code command-refused} (not theirs, or en route after setting off).
     */
    public List<Emitted> progressed(AssignmentProgressed command, String commandId, CoordinationRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(command.atSeconds(), rules, out);
        RequestState r = requests.get(command.requestId());
        String status = command.status();
        String refusal = r == null || !r.assigned() || !r.assignee.equals(command.volunteerId())
                ? CommandRefused.NOT_ASSIGNED
                : RequestState.EN_ROUTE.equals(status) && !RequestState.ACCEPTED.equals(r.status)
                ? CommandRefused.PROGRESS_NOT_ALLOWED
                : List.of(RequestState.EN_ROUTE, RequestState.COMPLETED, RequestState.FAILED).contains(status)
                ? null : CommandRefused.NOT_A_COMMAND;
        if (refusal != null) {
            out.add(refuse(command.requestId(), commandId, EventType.ASSIGNMENT_PROGRESS_SUBMITTED,
                    command.volunteerId(), refusal, command.by()));
            return out;
        }
        touched(r);
        out.add(emit(command.requestId(), new AssignmentProgressed(exerciseId, command.requestId(),
                command.volunteerId(), status, command.by(), now)));
        if (!RequestState.EN_ROUTE.equals(status)) {
            r.doneAt = null; // the volunteer's own word ends a simulated task too: it is not completed a second time
        }
        switch (status) {
            case RequestState.EN_ROUTE -> r.status = RequestState.EN_ROUTE;
            case RequestState.COMPLETED -> {
                r.status = RequestState.COMPLETED;
                release(r, true);
            }
            default -> {
                // failed: the volunteer could not do it; the request goes back to the others (Crisis Cleanup's
                // "unclaim")
                release(r, false);
                r.assignee = null;
                r.status = RequestState.OPEN;
                if (r.request.deadlineSeconds() <= now) {
                    escalate(r, "deadline-passed", out);
                } else {
                    nextRound(r, rules, out);
                }
            }
        }
        return out;
    }

    private Emitted refuse(String requestId, String commandId, EventType command, String volunteerId, String reason,
                           String by) {
        return emit(requestId, new CommandRefused(exerciseId, requestId, commandId, command.shortName(), volunteerId,
                reason, by, now));
    }

    /** A noodsteunpunt of the exercise: not yet in use. */
    public List<Emitted> nspRegistered(String nspId, String name, double lat, double lon) {
        if (nsps.putIfAbsent(nspId, new NspPoint(nspId, name, lat, lon, false)) == null) {
            nspsVersion++;
        }
        return List.of();
    }

    /**
     * A noodsteunpunt opens or closes; no clock of its own, like a provider's status. While the phones are down, an
     * NSP that opens draws the pool's volunteers nearby.
     */
    public List<Emitted> nspInUse(String nspId, boolean inUse, CoordinationRules rules) {
        NspPoint known = nsps.get(nspId);
        List<Emitted> out = new ArrayList<>();
        if (known != null && known.inUse() != inUse) {
            nsps.put(nspId, new NspPoint(nspId, known.name(), known.lat(), known.lon(), inUse));
            nspsVersion++;
            if (!phones.everywhere() && inUse) {
                poolReportsIn(rules, out);
                retryWaiting(rules, out);
            }
        }
        return out;
    }

    /** Telecom down or back everywhere at once. */
    public List<Emitted> reachability(boolean works, String reason, long at, CoordinationRules rules) {
        return reachability(works ? Phones.EVERYWHERE : Phones.NOWHERE, reason, at, rules);
    }

    /**
     * Telecom down or back, in some places or all: a volunteer whose place has no phones can only be asked at an
     * NSP, there in person. It counts from the scenario time it happened ({@code at}, the provider's status time; now
     * if this model is not that far yet: the coordination's step lets the model reach {@code at} first) without
     * moving the model's clock itself; offers made from then on, also those of a request played from an earlier
     * time, see it.
     */
    public List<Emitted> reachability(Phones now, String reason, long at, CoordinationRules rules) {
        List<Emitted> out = new ArrayList<>();
        if (!now.equals(phones)) {
            phones = now;
            long since = Math.min(at, this.now); // when it happened, or now if this model has not got that far yet
            conditionChanges.add(new ConditionChange(since, ConditionChange.PHONES, now.works(), now.except()));
            out.add(emit(exerciseId, new ReachabilityChanged(exerciseId, now.works() ? ReachabilityChanged.PHONE
                    : ReachabilityChanged.NSP_ONLY, reason, reachabilityText(now), since,
                    List.copyOf(now.except()))));
            poolGoesHome(out);
            withdrawUnreachedPhoneOffers(since, out);
            poolReportsIn(rules, out);
            retryWaiting(rules, out);
        }
        return out;
    }

    private Text reachabilityText(Phones p) {
        String of = " van de " + placeCount + " plaatsen";
        String ofEn = " of the " + placeCount + " places";
        if (p.everywhere()) {
            return Text.of("Telefoon werkt weer: burgerhulpverleners worden weer gebeld.",
                    "Phones work again: volunteers are called again.");
        }
        if (!p.anywhere()) {
            return Text.of("Mobiel en vast netwerk zijn uit: alleen burgerhulpverleners op een noodsteunpunt "
                    + "krijgen taken, daar ter plekke.", "Mobile and fixed networks are down: only volunteers at a "
                    + "noodsteunpunt get tasks, there in person.");
        }
        int n = p.except().size();
        return p.works()
                ? Text.of("Telefoon werkt niet in " + n + of + ": daar krijgen alleen burgerhulpverleners op een "
                + "noodsteunpunt taken, daar ter plekke.", "Phones are down in " + n + ofEn + ": there only "
                + "volunteers at a noodsteunpunt get tasks, in person.")
                : Text.of("Telefoon werkt alleen nog in " + n + of + "; elders krijgen alleen burgerhulpverleners "
                + "op een noodsteunpunt taken, daar ter plekke.", "Phones work in only " + n + ofEn + "; elsewhere "
                + "only volunteers at a noodsteunpunt get tasks, there in person.");
    }

    public List<Emitted> fuel(boolean available, long at) {
        if (available != fuelAvailable) {
            fuelAvailable = available;
            conditionChanges.add(new ConditionChange(Math.min(at, now), ConditionChange.FUEL, available, null));
        }
        return List.of();
    }

    /** Where the phones worked and whether fuel was to be had at {@code t}: the latest change of each by then. */
    private Conditions conditionsAt(long t) {
        ConditionChange phonesThen = conditionAt(ConditionChange.PHONES, t);
        ConditionChange fuelThen = conditionAt(ConditionChange.FUEL, t);
        // both work when the outage starts
        return new Conditions(phonesThen == null ? Phones.EVERYWHERE : phonesThen.phones(),
                fuelThen == null || fuelThen.works());
    }

    private ConditionChange conditionAt(String what, long t) {
        ConditionChange latest = null;
        for (ConditionChange c : conditionChanges) {
            if (c.what().equals(what) && c.atSeconds() <= t && (latest == null || c.atSeconds() >= latest.atSeconds())) {
                latest = c;
            }
        }
        return latest;
    }

    public List<Emitted> advanceTo(long at, CoordinationRules rules) {
        List<Emitted> out = new ArrayList<>();
        advance(at, rules, out);
        return out;
    }

    // ---- scenario time ----

    private void advance(long at, CoordinationRules rules, List<Emitted> out) {
        while (true) {
            long next = nextDue();
            if (next > at) {
                now = Math.max(now, at);
                return;
            }
            now = Math.max(now, next);
            handleDue(rules, out);
        }
    }

    /** The due index of {@link #requests}; built afresh when the store gave the model its requests. */
    private DueRequests due() {
        if (dueFor != requests) {
            due = new DueRequests(requests.values());
            dueFor = requests;
        }
        return due;
    }

    /** A request came in or changed: its place in the due index is worked out again. */
    private void touched(RequestState r) {
        due().touched(r);
    }

    private long nextDue() {
        return due().next();
    }

    private void handleDue(CoordinationRules rules, List<Emitted> out) {
        for (RequestState r : due().dueBy(now)) {
            touched(r);
            if (r.doneAt != null && r.doneAt <= now) {
                r.doneAt = null;
                r.status = RequestState.COMPLETED;
                out.add(emit(r.request.requestId(), new AssignmentProgressed(exerciseId, r.request.requestId(),
                        r.assignee, RequestState.COMPLETED, null, now)));
                release(r, true);
                continue;
            }
            if (r.settled()) {
                continue;
            }
            for (RequestState.Offer o : List.copyOf(r.offers.values())) {
                if (r.settled()) {
                    break;
                }
                if (o.answerAt() != null && o.answerAt() <= now && o.answerAt() < o.expiresAt()) {
                    r.offers.remove(o.offerId());
                    out.add(emit(r.request.requestId(), new OfferAnswered(exerciseId, r.request.requestId(),
                            o.offerId(), o.volunteerId(), o.accepts() ? OfferAnswered.ACCEPTED
                            : OfferAnswered.DECLINED, null, now)));
                    if (o.accepts()) {
                        assign(r, o, true, rules, out);
                    }
                } else if (o.expiresAt() <= now) {
                    lapse(r, o, out);
                }
            }
            if (r.settled()) {
                continue;
            }
            if (r.request.deadlineSeconds() <= now) {
                escalate(r, "deadline-passed", out);
            } else if (r.offers.isEmpty()) {
                nextRound(r, rules, out);
            }
        }
    }

    // ---- rounds ----

    /** Asks the best few not asked before; nobody left (and nothing pending) means escalation. */
    private void nextRound(RequestState r, CoordinationRules rules, List<Emitted> out) {
        touched(r);
        HelpRequestOpened q = r.request;
        HelpNeed need = new HelpNeed(q.need(), q.lat(), q.lon(), q.nspId(), q.lessSelfReliant(), now,
                q.deadlineSeconds(), rules.maxTravelMinutes());
        List<Match> best = Matcher.best(need, conditionsAt(now), index(), id -> candidate(volunteers.get(id), q),
                rules.offersPerRound(), r.asked);
        if (best.isEmpty()) {
            escalate(r, "no-volunteer", out);
            return;
        }
        r.round++;
        long expires = Math.min(now + rules.offerSeconds(q.urgency()), q.deadlineSeconds());
        int rank = 0;
        for (Match m : best) {
            rank++;
            String offerId = q.requestId() + "-" + r.round + "-" + rank;
            VolunteerState v = volunteers.get(m.volunteerId());
            r.asked.add(m.volunteerId());
            Long answerAt = null;
            boolean accepts = false;
            if (v.synthetic) {
                SplittableRandom random = new SplittableRandom((seed + "|" + offerId).hashCode());
                accepts = random.nextDouble() < v.volunteer.acceptanceChance();
                int response = v.volunteer.responseMinutes() == null ? 5 : v.volunteer.responseMinutes();
                answerAt = now + 60L * Math.max(1, response / 2 + random.nextInt(response + 1));
            }
            r.offers.put(offerId, new RequestState.Offer(offerId, m.volunteerId(), expires, m.etaMinutes(),
                    answerAt, accepts, m.channel(), now));
            out.add(emit(q.requestId(), new HelpOffered(exerciseId, q.requestId(), offerId, m.volunteerId(),
                    r.round, rank, m.score(), m.distanceKm(), m.travel(), m.etaMinutes(), m.channel(), expires,
                    now)));
        }
    }

    /** A volunteer as the matcher sees them for a request: present at its NSP means at the request. */
    private static Candidate candidate(VolunteerState v, HelpRequestOpened q) {
        boolean atRequest = q.nspId() != null && q.nspId().equals(v.presentAt);
        return new Candidate(v.volunteer.id(), atRequest ? q.lat() : v.volunteer.lat(),
                atRequest ? q.lon() : v.volunteer.lon(), java.util.Set.copyOf(v.volunteer.skills()),
                v.volunteer.hasCar(), v.active, v.volunteer.maxTasks(), v.completed, responseMinutes(v), v.presentAt,
                v.volunteer.placeId());
    }

    /** How long a volunteer takes to answer and set off; ten minutes when the pool does not say. */
    private static int responseMinutes(VolunteerState v) {
        return v.volunteer.responseMinutes() == null ? 10 : v.volunteer.responseMinutes();
    }

    private VolunteerIndex index() {
        if (indexFor != volunteers) {
            index = new VolunteerIndex();
            indexFor = volunteers;
            volunteers.values().forEach(v -> index.add(v.volunteer.id(), v.volunteer.lat(), v.volunteer.lon(),
                    v.presentAt, responseMinutes(v)));
        }
        return index;
    }

    /** What changed since the last call: the ids of volunteers changed and of requests taken in, in that order. */
    Changes takeChanges() {
        Changes changes = new Changes(changedVolunteers, newRequests);
        changedVolunteers = new LinkedHashSet<>();
        newRequests = new ArrayList<>();
        return changes;
    }

    record Changes(Set<String> volunteers, List<String> newRequests) {
    }

    /** A request the store holds finished, left out when the model was loaded: known, not kept. */
    void knownFinished(String requestId) {
        finishedRequests.add(requestId);
    }

    /**
     * A finished request the store holds leaves memory: nothing changes it any more, and an answer or report on it is
     * refused as it would be on the finished request (no offer open, not assigned).
     */
    void forgetFinished(String requestId) {
        RequestState r = requests.get(requestId);
        if (r != null && r.finished()) {
            requests.remove(requestId);
            finishedRequests.add(requestId);
        }
    }

    /** A volunteer goes to a noodsteunpunt (or home: null); the index follows. */
    private void moveTo(VolunteerState v, String nspId) {
        index().moved(v.volunteer.id(), v.presentAt, nspId);
        v.presentAt = nspId;
        changedVolunteers.add(v.volunteer.id());
    }

    /** The volunteer who accepted gets the request; the other offers lapse. */
    private void assign(RequestState r, RequestState.Offer offer, boolean synthetic, CoordinationRules rules,
                        List<Emitted> out) {
        touched(r);
        r.status = synthetic ? RequestState.EN_ROUTE : RequestState.ACCEPTED;
        r.assignee = offer.volunteerId();
        volunteers.get(offer.volunteerId()).active++;
        changedVolunteers.add(offer.volunteerId());
        List.copyOf(r.offers.values()).forEach(other -> lapse(r, other, out));
        if (synthetic) {
            out.add(emit(r.request.requestId(), new AssignmentProgressed(exerciseId, r.request.requestId(),
                    r.assignee, RequestState.EN_ROUTE, null, now)));
            r.doneAt = now + 60L * (offer.etaMinutes() + rules.taskMinutes());
        }
    }

    private void release(RequestState r, boolean done) {
        VolunteerState v = volunteers.get(r.assignee);
        if (v != null) {
            v.active = Math.max(0, v.active - 1);
            v.completed += done ? 1 : 0;
            changedVolunteers.add(r.assignee);
        }
    }

    private void escalate(RequestState r, String reason, List<Emitted> out) {
        touched(r);
        List.copyOf(r.offers.values()).forEach(o -> lapse(r, o, out));
        r.status = RequestState.ESCALATED;
        HelpRequestOpened q = r.request;
        // in words: the need as people say it, the NSP by its name (a coordinator's request: its place)
        NspPoint nsp = q.nspId() == null ? null : nsps.get(q.nspId());
        String where = nsp != null && nsp.name() != null ? nsp.name() : q.nspId() != null ? q.nspId() : q.placeId();
        Text need = HelpNeeds.words(q.need()).orElse(Text.of(q.need(), q.need()));
        String deadline = ScenarioTime.format(q.deadlineSeconds());
        Text message = "no-volunteer".equals(reason)
                ? Text.of("Geen burgerhulpverlener beschikbaar voor " + need.nl() + " bij " + where + " vóór "
                + deadline + ".", "No volunteer available for " + need.en() + " at " + where + " before "
                + deadline + ".")
                : Text.of("Niemand heeft " + need.nl() + " bij " + where + " aangenomen vóór " + deadline + ".",
                "Nobody took " + need.en() + " at " + where + " before " + deadline + ".");
        out.add(emit(q.requestId(), new HelpRequestEscalated(exerciseId, q.requestId(), reason, message, now)));
    }

    /**
     * Phone offers made from the failure on, before this model heard of it (vital-status's word came after
     * noodsteunpunt's request), to volunteers whose place has no phones now never reached them: they lapse, and the
     * request goes on (in person where the phones are out).
     */
    private void withdrawUnreachedPhoneOffers(long since, List<Emitted> out) {
        for (RequestState r : due().open()) {
            for (RequestState.Offer o : List.copyOf(r.offers.values())) {
                if (HelpOffered.BY_PHONE.equals(o.channel()) && o.offeredAt() >= since
                        && !phones.in(volunteers.get(o.volunteerId()).volunteer.placeId())) {
                    lapse(r, o, out);
                }
            }
        }
    }

    /** After more volunteers or a change in reachability: open requests without an offer get a new round. */
    private void retryWaiting(CoordinationRules rules, List<Emitted> out) {
        for (RequestState r : due().waiting()) {
            if (r.round > 0) {
                nextRound(r, rules, out);
            }
        }
    }

    /**
     * The pool's behaviour when the phones fail where they live: a share of its volunteers (decided per volunteer
     * from the seed, so a re-run does the same) go to the nearest noodsteunpunt in use within walking reach and
     * report in there.
     */
    private void poolReportsIn(CoordinationRules rules, List<Emitted> out) {
        if (!phones.everywhere()) {
            volunteers.values().forEach(v -> reportIn(v, rules, out));
        }
    }

    private void reportIn(VolunteerState v, CoordinationRules rules, List<Emitted> out) {
        if (!v.synthetic || v.presentAt != null || v.active > 0 || phones.in(v.volunteer.placeId())) {
            return;
        }
        SplittableRandom random = new SplittableRandom((seed + "|report-in|" + v.volunteer.id()).hashCode());
        if (random.nextDouble() >= rules.reportInShare()) {
            return;
        }
        NspPoint nearest = null;
        double best = rules.reportInKm();
        for (NspPoint n : nsps.values()) {
            // nationally 200,000 volunteers times 3,600 NSPs when the phones fail: most are ruled out by latitude alone
            if (!n.inUse() || Distance.atLeastKm(v.volunteer.lat(), n.lat()) > best) {
                continue;
            }
            double km = Distance.km(v.volunteer.lat(), v.volunteer.lon(), n.lat(), n.lon());
            if (km <= best) {
                nearest = n;
                best = km;
            }
        }
        if (nearest != null) {
            moveTo(v, nearest.id());
            v.cameForOutage = true;
            out.add(emit(v.volunteer.id(), new VolunteerPresenceChanged(exerciseId, v.volunteer.id(), nearest.id(),
                    true, null, now)));
        }
    }

    /** Phones work again where they live: the pool's volunteers who came for the outage go home (phoned there). */
    private void poolGoesHome(List<Emitted> out) {
        for (VolunteerState v : volunteers.values()) {
            if (v.cameForOutage && v.presentAt != null && phones.in(v.volunteer.placeId())) {
                out.add(emit(v.volunteer.id(), new VolunteerPresenceChanged(exerciseId, v.volunteer.id(),
                        v.presentAt, false, null, now)));
                moveTo(v, null);
                v.cameForOutage = false;
            }
        }
    }

    /** The offer no longer stands: it expired, someone else took the request, or it never reached anyone. */
    private void lapse(RequestState r, RequestState.Offer o, List<Emitted> out) {
        touched(r);
        r.offers.remove(o.offerId());
        out.add(emit(r.request.requestId(), new OfferAnswered(exerciseId, r.request.requestId(), o.offerId(),
                o.volunteerId(), OfferAnswered.EXPIRED, null, now)));
    }

    private Emitted emit(String key, Object payload) {
        return new Emitted(key, payload, now, ++sequence);
    }

    /**
     * The phones or the fuel started or stopped working at a scenario time; the phones per place: everywhere but
     * {@code except}, or nowhere but there ({@link Phones}).
     */
    public record ConditionChange(long atSeconds, String what, boolean works, java.util.SortedSet<String> except) {
        static final String PHONES = "phones";
        static final String FUEL = "fuel";

        Phones phones() {
            return new Phones(works, except);
        }
    }

    /** A noodsteunpunt, where it is, and whether it is in use (open or full); its name for the texts. */
    public record NspPoint(String id, String name, double lat, double lon, boolean inUse) {
    }
}
