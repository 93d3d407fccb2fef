package nl.weerbaar.situatiebeeld.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.MessageAnswered;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.MessageSent;
import nl.weerbaar.contracts.exercise.ObjectiveSet;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.scenario.Objective;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.scenario.Text;

/**
 * The exercise's objectives evaluated from the events as the picture folds them: per objective the moment its clock
 * started (the first event its {@code after} names) and the events its {@code expect} names, each with its scenario
 * time and event id as evidence. The verdict follows from those times and the exercise's clock, not from the order
 * the events came in: a response that arrives late from another stream but happened in time still counts as in
 * time. Kept in the picture (and in the review's snapshots, as JSON), so every instance and the after-action review
 * evaluate alike.
 */
public final class Expectations {

    /** What became of an expectation. One life cycle: pending until met, met late or missed. */
    public enum Verdict {
        WAITING("waiting", Text.of("nog niet begonnen", "not started")), PENDING("pending", Text.of("loopt", "running")),
        MET("met", Text.of("gehaald", "met")), MET_LATE("met-late", Text.of("te laat gehaald", "met late")),
        MISSED("missed", Text.of("niet gehaald", "missed")),
        NOT_APPLICABLE("not-applicable", Text.of("niet van toepassing", "not applicable"));

        private final String wire;
        private final Text words;

        Verdict(String wire, Text words) {
            this.wire = wire;
            this.words = words;
        }

        /** The verdict as people read it, in Dutch and English. */
        public Text words() {
            return words;
        }

        public static Verdict fromWire(String wire) {
            return java.util.Arrays.stream(values()).filter(v -> v.wire.equals(wire)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown verdict " + wire));
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return wire;
        }
    }

    /** An observed event as the objectives see it. */
    public record Observed(String kind, String providerId, String role, String nspId, String placeId,
                           String decision, String reason, long atSeconds, String eventId) {
    }

    /** An expectation's verdict with its evidence: when its clock started, by when it was due, what settled it. */
    public record View(String id, Text text, Verdict verdict, Long startedAtSeconds, Long dueAtSeconds,
                       Long evidenceAtSeconds, String evidenceEventId, String startedByEventId) {
    }

    /** Events kept per objective for its {@code expect}: the earliest, at most this many. */
    private static final int KEPT = 100;

    /** Per objective what was seen so far; public for the review's snapshots. */
    public List<Tracked> tracked = new ArrayList<>();
    /** The providers' roles as far as known, and the outages seen before their provider's role was known. */
    public java.util.Map<String, String> roles = new java.util.HashMap<>();
    public List<Observed> roleless = new ArrayList<>();

    /** An objective, the event that started its clock, and the earliest events that answer it. */
    public static final class Tracked {
        public Objective objective;
        public Observed start;
        public List<Observed> matches = new ArrayList<>();

        public Tracked() {
            // for the review's snapshots
        }

        Tracked(Objective objective) {
            this.objective = objective;
        }
    }

    /** Whether the scenario's objectives are known; until then what is seen is kept, to be seen again then. */
    public boolean loaded;
    public List<Observed> early = new ArrayList<>();
    /** Objectives a trainer set during the exercise, next to the scenario's. */
    public List<Objective> added = new ArrayList<>();
    /** What was seen, the earliest {@link #KEPT} per kind: an objective set later is evaluated from it. */
    public java.util.Map<String, List<Observed>> history = new java.util.TreeMap<>();

    /** The noodsteunpunten's places, as far as known: an NSP open "in a place" is looked up here. */
    public java.util.Map<String, String> nspPlaces = new java.util.HashMap<>();
    /** How far the exercise's clock has come (its ticks and state changes), and whether it is over. */
    public long clock;
    public boolean over;
    /** Counts the changes to this evaluation: a stream processor keeps it again only when it changed. */
    public long changes;

    /**
     * Takes in one event of the exercise, whatever its kind: the scenario (objectives, roles, places), an objective
     * set later, the clock, and what the objectives look for, with the event's scenario time and id as evidence.
     * Events may come in any order.
     */
    public void take(Object event, String eventId) {
        switch (event) {
            case ScenarioLoaded s -> {
                s.providers().forEach(pr -> role(pr.id(), pr.role()));
                s.nsps().forEach(n -> place(n.id(), n.placeId()));
                load(s.objectives() == null ? List.of() : s.objectives());
            }
            case ProviderRegistered r -> role(r.provider().id(), r.provider().role());
            case NspRegistered r -> place(r.nsp().id(), r.nsp().placeId());
            case ObjectiveSet o -> add(o.objective());
            case ClockTicked t -> clock(t.scenarioTimeSeconds());
            case ExerciseStateChanged c -> {
                clock(c.scenarioTimeSeconds());
                boolean ended = c.state() == ExerciseState.STOPPED || c.state() == ExerciseState.FINISHED;
                if (ended != over) {
                    over = ended;
                    changes++;
                }
            }
            default -> {
                Observed seen = observed(event, eventId);
                if (seen != null) {
                    observe(seen);
                }
            }
        }
    }

    private void clock(long seconds) {
        if (seconds > clock) {
            clock = seconds;
            changes++;
        }
    }

    private void place(String nspId, String placeId) {
        if (!Objects.equals(nspPlaces.put(nspId, placeId), placeId)) {
            changes++;
        }
    }

    /** What the objectives look for in an event, if anything. */
    private Observed observed(Object event, String eventId) {
        return switch (event) {
            case ProviderStatusChanged s when s.state() == ProviderState.DOWN -> new Observed("provider-down",
                    s.providerId(), roles.get(s.providerId()), null, null, null, null, s.atSeconds(), eventId);
            case VitalAlertRaised a when VitalAlertRaised.BACKUP_LOW.equals(a.kind()) -> new Observed("backup-low",
                    a.providerId(), null, null, null, null, null, a.atSeconds(), eventId);
            case NspStateChanged s when s.state() == NspState.OPEN || s.state() == NspState.CLOSED -> new Observed(
                    s.state() == NspState.OPEN ? "nsp-open" : "nsp-closed", null, null, s.nspId(),
                    nspPlaces.get(s.nspId()), null, null, s.atSeconds(), eventId);
            case Decision d -> new Observed("decision", d.providerId(), null, d.nspId(), null, d.kind().wire(), null,
                    d.atSeconds(), eventId);
            case HelpRequestEscalated x -> new Observed("help-escalated", null, null, null, null, null, x.reason(),
                    x.atSeconds(), eventId);
            // a message and its answer: the message's id where the other kinds have a reason
            case MessageSent m -> new Observed("message", m.providerId(), null, null, null, null, m.messageId(),
                    m.atSeconds(), eventId);
            case MessageAnswered a -> new Observed("answer", null, null, null, null, null, a.messageId(),
                    a.atSeconds(), eventId);
            default -> null;
        };
    }

    /** Every objective's verdict as of the clock the events have shown. */
    public List<View> views() {
        return views(clock, over);
    }

    void load(List<Objective> objectives) {
        changes++;
        tracked.clear();
        objectives.forEach(o -> tracked.add(new Tracked(o)));
        added.forEach(o -> tracked.add(new Tracked(o)));
        loaded = true;
        List<Observed> before = List.copyOf(early);
        early.clear();
        before.forEach(this::observe);
    }

    /** A trainer's objective, set during the exercise: it sees what happened before it, too. */
    void add(Objective objective) {
        if (added.stream().anyMatch(o -> o.id().equals(objective.id()))) {
            return;
        }
        added.add(objective);
        changes++;
        if (loaded) {
            Tracked t = new Tracked(objective);
            tracked.add(t);
            history.values().forEach(seen -> seen.forEach(e -> feed(t, e)));
        }
    }

    /**
     * A provider's role became known (its registration, the scenario): an outage of it seen before is seen again
     * with its role, so a clock started "after the grid fails" does not depend on which of the two came in first.
     */
    void role(String providerId, String role) {
        if (role == null || role.equals(roles.put(providerId, role))) {
            return;
        }
        changes++;
        List<Observed> waiting = roleless.stream().filter(o -> o.providerId().equals(providerId)).toList();
        roleless.removeAll(waiting);
        waiting.forEach(o -> observe(new Observed(o.kind(), o.providerId(), role, o.nspId(), o.placeId(),
                o.decision(), o.reason(), o.atSeconds(), o.eventId())));
    }

    void observe(Observed seen) {
        if (!loaded) {
            early.add(seen); // another stream's event came in before the scenario's objectives did
            changes++;
            return;
        }
        Observed e = seen;
        if (e.kind().equals("provider-down") && e.role() == null) {
            String role = roles.get(e.providerId());
            if (role == null) {
                roleless.add(e);
                changes++;
            } else {
                e = new Observed(e.kind(), e.providerId(), role, e.nspId(), e.placeId(), e.decision(), e.reason(),
                        e.atSeconds(), e.eventId());
            }
        }
        boolean kept = remember(e);
        for (Tracked t : tracked) {
            kept |= feed(t, e);
        }
        if (kept) {
            changes++;
        }
    }

    /** Whether the objective took the event in: as its start, or among the earliest that answer it. */
    private static boolean feed(Tracked t, Observed e) {
        boolean took = false;
        if (starts(t.objective.after(), e) && (t.start == null || e.atSeconds() < t.start.atSeconds())) {
            t.start = e;
            took = true;
        }
        if (answers(t.objective.expect(), e)) {
            t.matches.add(e);
            t.matches.sort(java.util.Comparator.comparingLong(Observed::atSeconds));
            took |= t.matches.size() <= KEPT || t.matches.getLast() != e;
            if (t.matches.size() > KEPT) {
                t.matches.removeLast();
            }
        }
        return took;
    }

    /**
     * Keeps the earliest of each kind; an outage seen again with its provider's role replaces the one without.
     * Whether the event is among them.
     */
    private boolean remember(Observed e) {
        List<Observed> seen = history.computeIfAbsent(e.kind(), k -> new ArrayList<>());
        boolean again = seen.removeIf(h -> h.eventId().equals(e.eventId()));
        seen.add(e);
        seen.sort(java.util.Comparator.comparingLong(Observed::atSeconds));
        boolean kept = seen.size() <= KEPT || seen.getLast() != e;
        if (seen.size() > KEPT) {
            seen.removeLast();
        }
        return kept || again;
    }

    /** Every objective's verdict as of the exercise's clock; {@code over} once the exercise has ended. */
    List<View> views(long clockSeconds, boolean over) {
        return tracked.stream().map(t -> view(t, clockSeconds, over)).toList();
    }

    private static View view(Tracked t, long clock, boolean over) {
        Objective o = t.objective;
        Long started = t.objective.after().event().equals(Objective.After.START) ? Long.valueOf(0)
                : t.start == null ? null : t.start.atSeconds();
        String startedBy = t.start == null ? null : t.start.eventId();
        if (started == null) {
            return new View(o.id(), o.text(), over ? Verdict.NOT_APPLICABLE : Verdict.WAITING, null, null, null, null,
                    null);
        }
        long due = started + 60L * o.withinMinutes();
        Observed first;
        Verdict verdict;
        if (o.expect().never() != null) {
            first = t.matches.stream().filter(m -> m.atSeconds() >= started && m.atSeconds() <= due).findFirst()
                    .orElse(null);
            verdict = first != null ? Verdict.MISSED : clock >= due || over ? Verdict.MET : Verdict.PENDING;
        } else {
            // done before the clock started counts: a warning given early, an NSP open already
            first = o.expect().nspOpen() != null ? openAtOrAfter(t.matches, started)
                    : t.matches.isEmpty() ? null : t.matches.getFirst();
            verdict = first != null ? (first.atSeconds() <= due ? Verdict.MET : Verdict.MET_LATE)
                    : clock > due || over ? Verdict.MISSED : Verdict.PENDING;
        }
        return new View(o.id(), o.text(), verdict, started, due, first == null ? null : first.atSeconds(),
                first == null ? null : first.eventId(), startedBy);
    }

    /**
     * The NSP that was open when the clock started (its opening the evidence), or else the first to open after:
     * an NSP open is a state, not only a moment.
     */
    private static Observed openAtOrAfter(List<Observed> changes, long started) {
        java.util.Map<String, Observed> lastBefore = new java.util.TreeMap<>();
        for (Observed c : changes) {
            if (c.atSeconds() <= started) {
                lastBefore.put(c.nspId(), c);
            }
        }
        return lastBefore.values().stream().filter(c -> c.kind().equals("nsp-open"))
                .min(java.util.Comparator.comparingLong(Observed::atSeconds))
                .orElseGet(() -> changes.stream().filter(c -> c.kind().equals("nsp-open") && c.atSeconds() > started)
                        .findFirst().orElse(null));
    }

    private static boolean starts(Objective.After after, Observed e) {
        return switch (after.event()) {
            case Objective.After.PROVIDER_DOWN -> e.kind().equals("provider-down")
                    && (after.providerId() == null || after.providerId().equals(e.providerId()))
                    && (after.role() == null || after.role().equals(e.role()));
            case Objective.After.NSP_OPEN -> e.kind().equals("nsp-open");
            case Objective.After.BACKUP_LOW -> e.kind().equals("backup-low")
                    && (after.providerId() == null || after.providerId().equals(e.providerId()));
            case Objective.After.MESSAGE -> e.kind().equals("message") && e.reason().equals(after.messageId());
            default -> false; // start: T+0
        };
    }

    private static boolean answers(Objective.Expect x, Observed e) {
        if (x.never() != null) {
            return switch (x.never()) {
                case Objective.Expect.HELP_ESCALATED -> e.kind().equals("help-escalated")
                        && (x.reason() == null || x.reason().equals(e.reason()));
                default -> e.kind().equals("provider-down")
                        && (x.providerId() == null || x.providerId().equals(e.providerId()));
            };
        }
        if (x.answer() != null) {
            return e.kind().equals("answer") && x.answer().equals(e.reason());
        }
        if (x.decision() != null) {
            return e.kind().equals("decision") && x.decision().equals(e.decision())
                    && (x.providerId() == null || x.providerId().equals(e.providerId()))
                    && (x.nspId() == null || x.nspId().equals(e.nspId()));
        }
        return x.nspOpen() != null && (e.kind().equals("nsp-open") || e.kind().equals("nsp-closed"))
                && (x.placeId() == null || Objects.equals(x.placeId(), e.placeId()));
    }
}
