package nl.weerbaar.noodsteunpunt.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.Stock;
import nl.weerbaar.contracts.scenario.NspSite;

/** One noodsteunpunt inside the model: its state, the households present, its stock. Public fields for the store. */
public class Site {

    public NspSite nsp;
    /** Its place in the order NSPs came into the model: how the store gives the model back in that order. */
    public long order;
    public NspState state = NspState.PLANNED;
    public long since;
    /** When an opening NSP is ready. */
    public Long openAt;
    public boolean openedByPolicy;
    public boolean closedByCrisisTeam;
    public int occupancy;
    public int thresholdLevel;
    public Map<String, Present> present = new LinkedHashMap<>();
    public List<Long> arrivals = new ArrayList<>();
    public double initialWater;
    public double initialFood;
    public Double initialFuel;
    public double water;
    public double food;
    public Double fuel;
    /** Items with a resupply request that has not been delivered yet. */
    public Set<String> requested = new LinkedHashSet<>();
    public List<Delivery> deliveries = new ArrayList<>();
    public int resupplies;

    public Site() {
        // for the store
    }

    Site(NspSite nsp, long at, NspRules.Supplies supplies) {
        this.nsp = nsp;
        this.since = at;
        this.initialWater = nsp.capacity() * supplies.waterLitresPerPlace();
        this.initialFood = nsp.capacity() * supplies.rationsPerPlace();
        this.initialFuel = hasGenerator(nsp) ? supplies.generatorHours() : null;
        this.water = initialWater;
        this.food = initialFood;
        this.fuel = initialFuel;
    }

    /**
     * When the households present leave (leave time → how many then): the next departure without looking at every
     * household present, thousands at a regional NSP. Derived from {@link #present}, never stored, and rebuilt when
     * that map is replaced (read from the store); {@link #admit} and {@link #remove} keep it.
     */
    private transient TreeMap<Long, Integer> leaving;
    private transient Map<String, Present> leavingFor;

    void admit(Present p) {
        remove(p.checkInId());
        present.put(p.checkInId(), p);
        if (p.leaveAt() != null) {
            leaving().merge(p.leaveAt(), 1, Integer::sum);
        }
    }

    void remove(String checkInId) {
        TreeMap<Long, Integer> index = leaving();
        Present gone = present.remove(checkInId);
        if (gone != null && gone.leaveAt() != null) {
            index.computeIfPresent(gone.leaveAt(), (at, n) -> n == 1 ? null : n - 1);
        }
    }

    /** The earliest time a household present leaves by itself; null when none will. */
    Long nextLeave() {
        TreeMap<Long, Integer> index = leaving();
        return index.isEmpty() ? null : index.firstKey();
    }

    private TreeMap<Long, Integer> leaving() {
        if (leavingFor != present) {
            leaving = new TreeMap<>();
            present.values().stream().filter(p -> p.leaveAt() != null)
                    .forEach(p -> leaving.merge(p.leaveAt(), 1, Integer::sum));
            leavingFor = present;
        }
        return leaving;
    }

    static boolean hasGenerator(NspSite nsp) {
        return nsp.facilities() != null && nsp.facilities().contains("generator");
    }

    String id() {
        return nsp.id();
    }

    /** Opening, open or full: staffed, the generator running. */
    boolean inUse() {
        return state == NspState.OPENING || state.serving();
    }

    boolean takesPeople() {
        return state == NspState.OPEN;
    }

    boolean hasRoomFor(int size) {
        return takesPeople() && occupancy + size <= nsp.capacity();
    }

    int percent() {
        return (int) Math.floor(occupancy * 100.0 / nsp.capacity());
    }

    Stock stock() {
        return new Stock(round(water), round(food), fuel == null ? null : round(fuel));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A household inside; {@code leaveAt} null when it stays until it is checked out or the NSP closes. */
    public record Present(String checkInId, int size, List<String> needs, boolean lessSelfReliant, String source,
                          Long leaveAt) {
    }

    /** Supplies on their way after a request. */
    public record Delivery(String requestId, String item, double amount, long at) {
    }
}
