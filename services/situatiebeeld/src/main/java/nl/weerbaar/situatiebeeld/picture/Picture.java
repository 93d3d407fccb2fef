package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import nl.weerbaar.contracts.scenario.Text;

/**
 * The crisis team's picture of one exercise at one moment: the clock, the sector × time-band matrix of the seed
 * table, the vital providers, the noodsteunpunten, the help requests and the alerts. Built by {@link PictureFolder}
 * from the exercise's events; sent to the page as JSON.
 */
public class Picture {

    /** How many closed help requests and alerts the page gets (it shows counts for the rest). */
    static final int RECENT = 40;

    public String exerciseId;
    public String scenarioId;
    public Text scenarioName;
    public String region;
    public String replayOf;
    public String state;
    public double speed;
    public long clockSeconds;
    public long durationSeconds;
    public Text phase;
    /** The last event taken into the picture. */
    public long lastSeq;
    public List<SectorRow> sectors = new ArrayList<>();
    public Map<String, Provider> providers = new LinkedHashMap<>();
    public List<Place> places = new ArrayList<>();
    public Map<String, Nsp> nsps = new LinkedHashMap<>();
    /** Every help request, for the fold; the page gets the counts and the recent ones. */
    @JsonIgnore public Map<String, HelpRequest> helpRequests = new LinkedHashMap<>();
    /** Every alert, for the fold; the page gets the recent ones and the times of all (to jump between them). */
    @JsonIgnore public List<Alert> alerts = new ArrayList<>();
    public String reachability = "phone";
    public int volunteers;
    public int householdsUnserved;

    /** Help requests per status. */
    public Map<String, Integer> getHelpCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        helpRequests.values().forEach(r -> counts.merge(r.status, 1, Integer::sum));
        return counts;
    }

    /** The requests still being worked on and the latest others, oldest first. */
    public List<HelpRequest> getRecentHelpRequests() {
        List<HelpRequest> all = List.copyOf(helpRequests.values());
        int from = Math.max(0, all.size() - RECENT);
        List<HelpRequest> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            HelpRequest r = all.get(i);
            if (i >= from || "open".equals(r.status) || "offered".equals(r.status) || "matched".equals(r.status)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Median scenario minutes from a request to the accepted offer. */
    public Long getMedianMinutesToMatch() {
        List<Long> minutes = helpRequests.values().stream().map(r -> r.minutesToMatch).filter(Objects::nonNull)
                .sorted().toList();
        return minutes.isEmpty() ? null : minutes.get(minutes.size() / 2);
    }

    public List<Alert> getRecentAlerts() {
        return alerts.subList(Math.max(0, alerts.size() - RECENT), alerts.size());
    }

    public int getAlertCount() {
        return alerts.stream().mapToInt(Alert::count).sum();
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
        public String state = "normal";
        public long sinceSeconds;
        public Double backupHours;
        public long backupAtSeconds;
        public boolean onBackupRunning;
        public Text cause;
        public Long expectedRestoreSeconds;
        public String source;
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
        public String urgency;
        public String nspId;
        public long openedAtSeconds;
        public long deadlineSeconds;
        public String status = "open";
        public Long matchedAtSeconds;
        public Long minutesToMatch;
        public Text escalation;
    }

    /** An alert; {@code count} alerts of the same kind at the same moment share one line (the first one's text). */
    public record Alert(long seq, long atSeconds, String kind, String severity, Text message, int count) {

        Alert plusOne() {
            return new Alert(seq, atSeconds, kind, severity, message, count + 1);
        }
    }
}
