package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import nl.weerbaar.contracts.crisisteam.Observation;
import nl.weerbaar.contracts.scenario.OutageStart;
import nl.weerbaar.contracts.scenario.Text;

/**
 * The crisis team's picture of one exercise at one moment: the clock, the sector × time-band matrix of the seed
 * table, the vital providers, the noodsteunpunten, the help requests and the alerts. Built by {@link PictureFolder}
 * from the exercise's events; sent to the page as JSON.
 */
public class Picture {

    /** How many help requests the page gets (it shows counts for the rest): those still worked on first. */
    static final int REQUESTS_SHOWN = 25;
    /** How many open alerts (worst first) and how many ended ones the page gets; it shows counts for the rest. */
    static final int OPEN_SHOWN = 25;
    static final int RESOLVED_SHOWN = 5;
    /** A partial outage's places are named on the page up to this many. */
    static final int SCOPE_SHOWN = 12;
    private static final List<String> SEVERITIES = List.of("minor", "moderate", "severe", "extreme");

    public String exerciseId;
    public String scenarioId;
    public Text scenarioName;
    public String region;
    public String replayOf;
    /** The exercise this one branches from, and the scenario time it branches at (a what-if). */
    public String branchOf;
    public Long branchAtSeconds;
    public String state;
    public double speed;
    public long clockSeconds;
    public long durationSeconds;
    public Text phase;
    /** When the power failed, in local time, and the outside temperature, where the scenario states them. */
    public OutageStart start;
    public Double temperatureC;
    /** The region's inhabitants, where the scenario states them (its places' and those outside them). */
    public Integer regionInhabitants;
    /** The last event taken into the picture. */
    public long lastSeq;
    public List<SectorRow> sectors = new ArrayList<>();
    public Map<String, Provider> providers = new LinkedHashMap<>();
    public List<Place> places = new ArrayList<>();
    public Map<String, Nsp> nsps = new LinkedHashMap<>();
    /** Every help request, for the fold; the page gets the counts and the recent ones. */
    @JsonIgnore public Map<String, HelpRequest> helpRequests = new LinkedHashMap<>();
    /** Names of NSPs, providers and places by id, for the feed's sentences; read by the browsers' writers too. */
    @JsonIgnore public final Map<String, String> names = new ConcurrentHashMap<>();
    /** Every alert, for the fold; the page gets the recent ones and the times of all (to jump between them). */
    @JsonIgnore public List<Alert> alerts = new ArrayList<>();
    /** The scenario's objectives, evaluated from the events as they are folded. */
    @JsonIgnore public Expectations evaluation = new Expectations();

    /** Each objective's verdict with its evidence, as of the picture's clock. */
    public List<Expectations.View> getExpectations() {
        return evaluation.views(clockSeconds, "STOPPED".equals(state) || "FINISHED".equals(state));
    }

    /** The observers' notes, in the order noted: for trainers and the report, not on the crisis team's page. */
    @JsonIgnore public List<Observation> observations = new ArrayList<>();

    /** The role players' messages to the crisis team, in the order sent, with the crisis team's answers. */
    public List<InboxItem> inbox = new ArrayList<>();

    /** Decisions the crisis team passed on that the exercise's clock has not taken yet, by id. */
    public Map<String, DecisionItem> submitted = new LinkedHashMap<>();

    /** The crisis team's decisions as outage-timeline took them, in the order taken. */
    public List<DecisionItem> decisions = new ArrayList<>();
    public String reachability = "phone";
    /** The places where the other holds: no phones there (reachability phone), or phones only there (nsp-only). */
    public List<String> phonesExcept = List.of();
    public int volunteers;
    public int householdsUnserved;

    /** The local date and time at the picture's scenario time (ISO, no zone: Dutch time), if the start is known. */
    public String getLocalTime() {
        return start == null ? null : start.at(clockSeconds).toString();
    }

    /** The exercise's state in words (the page shows no codes). */
    public Text getStateText() {
        return Words.text(state);
    }

    /** Help requests per status. */
    public Map<String, Integer> getHelpCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        helpRequests.values().forEach(r -> counts.merge(r.status, 1, Integer::sum));
        return counts;
    }

    /**
     * The latest requests still being worked on, then the latest others, {@link #REQUESTS_SHOWN} in all, oldest first:
     * a national exercise has tens of thousands in progress, and the page shows a list, not all of them.
     */
    public List<HelpRequest> getRecentHelpRequests() {
        List<HelpRequest> all = List.copyOf(helpRequests.values());
        Set<HelpRequest> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = all.size() - 1; i >= 0 && shown.size() < REQUESTS_SHOWN; i--) {
            if (inProgress(all.get(i))) {
                shown.add(all.get(i));
            }
        }
        for (int i = all.size() - 1; i >= 0 && shown.size() < REQUESTS_SHOWN; i--) {
            shown.add(all.get(i));
        }
        return all.stream().filter(shown::contains).toList();
    }

    private static boolean inProgress(HelpRequest r) {
        return "open".equals(r.status) || "offered".equals(r.status) || "matched".equals(r.status);
    }

    /** Median scenario minutes from a request to the accepted offer. */
    public Long getMedianMinutesToMatch() {
        List<Long> minutes = helpRequests.values().stream().map(r -> r.minutesToMatch).filter(Objects::nonNull)
                .sorted().toList();
        return minutes.isEmpty() ? null : minutes.get(minutes.size() / 2);
    }

    /**
     * The alerts that still hold, worst first; within a severity a standing condition (an NSP full, 112 down) before
     * one-off escalations, then newest first: the hospital's generator running out stays on top, however many help
     * requests were escalated after it.
     */
    public List<Alert> getOpenAlerts() {
        return alerts.stream().filter(Alert::open).sorted(Comparator.comparingInt((Alert a) -> rank(a.severity()))
                .reversed().thenComparing(a -> a.key() == null)
                .thenComparing(Comparator.comparingLong(Alert::atSeconds).reversed())).limit(OPEN_SHOWN).toList();
    }

    /** The alerts that ended most recently, latest end first. */
    public List<Alert> getResolvedAlerts() {
        return alerts.stream().filter(a -> !a.open())
                .sorted(Comparator.comparingLong(Alert::resolvedAtSeconds).reversed()).limit(RESOLVED_SHOWN).toList();
    }

    public int getOpenAlertCount() {
        return alerts.stream().filter(Alert::open).mapToInt(Alert::count).sum();
    }

    public int getAlertCount() {
        return alerts.stream().mapToInt(Alert::count).sum();
    }

    /** Places without power: served by a grid provider that is out there (its affected places), in place order. */
    public List<String> getDarkPlaces() {
        Set<String> dark = new HashSet<>();
        providers.values().stream().filter(pr -> nl.weerbaar.contracts.scenario.Provider.GRID.equals(pr.role))
                .filter(pr -> !"normal".equals(pr.state) && !"restored".equals(pr.state))
                .forEach(pr -> dark.addAll(pr.places));
        return places.stream().map(Place::id).filter(dark::contains).toList();
    }

    /** Help requests still waiting for a volunteer (open, offered) or escalated, per place: what the map shows. */
    public Map<String, Integer> getOpenRequestsByPlace() {
        Map<String, Integer> counts = new TreeMap<>();
        helpRequests.values().stream().filter(r -> r.placeId != null).filter(Picture::waiting)
                .forEach(r -> counts.merge(r.placeId, 1, Integer::sum));
        return counts;
    }

    /** Whether a request still waits for a volunteer (open, offered) or was escalated for want of one. */
    public static boolean waiting(HelpRequest r) {
        return "open".equals(r.status) || "offered".equals(r.status) || "escalated".equals(r.status);
    }

    /** The scenario times at which alerts came, each once, in order. */
    public List<Long> getAlertTimes() {
        return alerts.stream().map(Alert::atSeconds).distinct().sorted().toList();
    }

    public static class SectorRow {
        public String id;
        public Text name;
        /** Per band: the effects that have happened. */
        public Map<String, List<Effect>> cells = new LinkedHashMap<>();
    }

    public record Effect(String injectId, long atSeconds, String severity, Text effect, String providerId) {
    }

    public static class Provider {
        public String id;
        public String name;
        public String sector;
        /** Its role in the scenario ({@code grid}, {@code emergency-number}, …), if any. */
        public String role;
        public boolean vulnerable;
        public String state = "normal";
        /**
         * The places it is out in (down, degraded, on backup): from its last status change. Not sent to the page as
         * such (a national grid is out in thousands): the page gets the dark places and a partial outage's scope.
         */
        @JsonIgnore public List<String> places = List.of();
        /** The part of the households there that is affected (e.g. high-rise only), or null for all of them. */
        public Double affectedShare;

        /** Where a partial outage holds, for the page: its places when they are a few, else none (all, or many). */
        public List<String> getScope() {
            return places.size() <= SCOPE_SHOWN ? places : List.of();
        }
        public long sinceSeconds;
        public Double backupHours;
        public long backupAtSeconds;
        public boolean onBackupRunning;
        public Text cause;
        public Long expectedRestoreSeconds;
        public String source;
    }

    /** A decision on the time line: what in words, why, by whom, at which scenario time. */
    public record DecisionItem(String id, long atSeconds, String kind, Text text, String reason, String by,
                               String nspId, String providerId, List<String> places, String advice, Text message) {
    }

    /** A role player's message in the crisis team's inbox; the answer, when and by whom, once there is one. */
    public record InboxItem(String id, long atSeconds, String from, Text text, String answer, String answeredBy,
                            Long answeredAtSeconds) {

        InboxItem answered(String text, String by, long at) {
            return new InboxItem(id, atSeconds, from, this.text, text, by, at);
        }
    }

    /** The inbox's message {@code id}, if the picture has it. */
    public Optional<InboxItem> message(String id) {
        return inbox.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public record Place(String id, String name, double lat, double lon, int inhabitants) {
    }

    public static class Nsp {
        public String id;
        public String name;
        public String placeId;
        public double lat;
        public double lon;
        public int capacity;
        public String state = "planned";
        public int occupancy;
        public Double waterLitres;
        public Double foodRations;
        public Double fuelHours;
        public long stockAtSeconds;
    }

    public static class HelpRequest {
        public String id;
        public String need;
        /** The need in words. */
        public Text needText;
        public String urgency;
        public String nspId;
        public String placeId;
        public long openedAtSeconds;
        public long deadlineSeconds;
        public String status = "open";
        public Long matchedAtSeconds;
        public Long minutesToMatch;
        public Text escalation;
    }

    private static int rank(String severity) {
        return SEVERITIES.indexOf(severity);
    }

    /** The alert with {@code id}, if the picture has it. */
    public Optional<Alert> alert(String id) {
        return alerts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * An alert (its id: {@code alert-} and the log number of the event that raised it): open until what it is about ends ({@code key} says what that is; an alert without one stays open).
     * {@code count} alerts without a key, of one kind at one moment, share one line (the first one's text).
     * {@code subject} is the provider, NSP or place it is about (null: the region), for its area in CAP.
     */
    public record Alert(String id, long seq, long atSeconds, String kind, String severity, Text message, int count,
                        String key, String subject, Long resolvedAtSeconds, Text resolution, String acknowledgedBy,
                        Long acknowledgedAtSeconds) {

        Alert(long seq, long atSeconds, String kind, String severity, Text message, String key, String subject) {
            this("alert-" + seq, seq, atSeconds, kind, severity, message, 1, key, subject, null, null, null, null);
        }

        /** One more of its kind at its moment; about the region once they are about different places. */
        Alert plusOne(String about) {
            return new Alert(id, seq, atSeconds, kind, severity, message, count + 1, key,
                    java.util.Objects.equals(subject, about) ? subject : null, resolvedAtSeconds, resolution,
                    acknowledgedBy, acknowledgedAtSeconds);
        }

        Alert resolved(long at, Text why) {
            return new Alert(id, seq, atSeconds, kind, severity, message, count, key, subject, at, why, acknowledgedBy,
                    acknowledgedAtSeconds);
        }

        Alert acknowledged(String by, long at) {
            return new Alert(id, seq, atSeconds, kind, severity, message, count, key, subject, resolvedAtSeconds,
                    resolution, by, at);
        }

        public boolean open() {
            return resolvedAtSeconds == null;
        }
    }
}
