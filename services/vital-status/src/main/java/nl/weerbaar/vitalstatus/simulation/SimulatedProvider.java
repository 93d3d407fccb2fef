package nl.weerbaar.vitalstatus.simulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.contracts.vital.ProviderState;

/**
 * One provider inside the cascade: its own supply, its backup running down on scenario time, what injects imposed
 * on it, and — while the real provider has posted a status — the posted state, which is what its dependents see.
 * Mutable on purpose: it lives only inside one {@link CascadeModel} step and is stored with it.
 */
public class SimulatedProvider {

    public Provider provider;
    /** The state last published (or posted): what dependents see. */
    public ProviderState state = ProviderState.NORMAL;
    public long since;
    public List<CauseStep> chain = new ArrayList<>();

    /** Supply from its dependencies is missing; {@code lostBecause} names the dependency that failed. */
    public boolean supplyLost;
    public String lostBecause;
    /** Backup runs while {@code backupRunning}: {@code backupLeftHours} as of scenario second {@code backupAt}. */
    public boolean backupRunning;
    public double backupLeftHours;
    public long backupAt;
    public boolean lowAlerted;

    /** Imposed by an inject: DOWN, DEGRADED, or null. Places still dark after a partial restoration. */
    public ProviderState imposed;
    public String imposedBy;
    public Set<String> darkPlaces = new LinkedHashSet<>();
    /** The part of the households there that is affected (e.g. high-rise only), or null for all of them. */
    public Double share;
    /** It has been out: coming back is "restored", not "normal". */
    public boolean hadOutage;

    /** The real provider's own status, which wins until released. */
    public ProviderState posted;
    public Set<String> postedPlaces = new LinkedHashSet<>();

    /** The alerts raised about it that still hold, by kind: each is resolved when its condition ends. */
    public Map<String, String> openAlerts = new TreeMap<>();

    /** The crisis team's decision that gave it priority in the fuel distribution, or null. */
    public String fuelPriority;

    /** Status changes published so far, for derived event ids. */
    public int changes;

    public SimulatedProvider() {
        // for the store
    }

    SimulatedProvider(Provider provider) {
        this.provider = provider;
        this.backupLeftHours = autonomy();
    }

    String id() {
        return provider.id();
    }

    double autonomy() {
        return provider.backup() == null || "none".equals(provider.backup().kind()) ? 0
                : provider.backup().autonomyHours();
    }

    double backupLeftAt(long seconds) {
        if (!backupRunning) {
            return backupLeftHours;
        }
        return Math.max(0, backupLeftHours - (seconds - backupAt) / 3600.0);
    }

    /**
     * Whether a fuel delivery can top its backup up: a generator or reserved fuel that can be refuelled, with more
     * autonomy than the low threshold (else a top-up would be low at once). Batteries cannot.
     */
    boolean refuelable(double lowThresholdHours) {
        return provider.backup() != null && ("generator".equals(provider.backup().kind())
                || "reserved-fuel".equals(provider.backup().kind()))
                && !Boolean.FALSE.equals(provider.backup().refuelPossible()) && autonomy() > lowThresholdHours;
    }

    /** When the running backup is exhausted, in scenario seconds. */
    long exhaustedAt() {
        return backupAt + Math.round(backupLeftHours * 3600);
    }

    /** When the running backup crosses {@code thresholdHours}, or -1 when no alert is due. */
    long lowAt(double thresholdHours) {
        if (!backupRunning || lowAlerted || autonomy() <= thresholdHours || backupLeftHours <= 0) {
            return -1;
        }
        return backupAt + Math.max(0, Math.round((backupLeftHours - thresholdHours) * 3600));
    }

    /** Whether it delivers to {@code dependent}: not down, and not dark in the places the dependent serves. */
    boolean supplies(SimulatedProvider dependent) {
        if (!state.works()) {
            return false;
        }
        Set<String> dark = posted == null ? darkPlaces : posted == ProviderState.DEGRADED ? postedPlaces : Set.of();
        if (dark.isEmpty()) {
            return true;
        }
        List<String> served = dependent.provider.servedPlaces();
        return !served.isEmpty() && served.stream().noneMatch(dark::contains);
    }

    /** The state the simulation computes from supply, backup and injects (ignoring a posted status). */
    ProviderState computed() {
        if (imposed == ProviderState.DOWN) {
            return ProviderState.DOWN;
        }
        if (backupRunning) {
            return imposed == ProviderState.DEGRADED ? ProviderState.DEGRADED : ProviderState.ON_BACKUP;
        }
        if (supplyLost) {
            return ProviderState.DOWN;
        }
        if (imposed == ProviderState.DEGRADED) {
            return ProviderState.DEGRADED;
        }
        return hadOutage ? ProviderState.RESTORED : ProviderState.NORMAL;
    }

    /** What dependents and the crisis team see. */
    ProviderState effective() {
        return posted != null ? posted : computed();
    }
}
