package nl.weerbaar.situatiebeeld.picture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.scenario.Text;

/**
 * The crisis team's picture of one exercise at one moment: the clock, the sector × time-band matrix of the seed
 * table, the vital providers, the noodsteunpunten, the help requests and the alerts. Built by {@link PictureFolder}
 * from the exercise's events; sent to the page as JSON.
 */
public class Picture {

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
    public Map<String, HelpRequest> helpRequests = new LinkedHashMap<>();
    public List<Alert> alerts = new ArrayList<>();
    public String reachability = "phone";
    public int volunteers;
    public int householdsUnserved;

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

    public record Alert(long seq, long atSeconds, String kind, String severity, Text message) {
    }
}
