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
    /** The households inside, in the order they came in; the store keeps each in an entry of its own. */
    public Map<String, Present> present = new LinkedHashMap<>();
    /** How many households came in so far: the next one's {@link Present#order}. */
    public long admissions;
    public List<Long> arrivals = new ArrayList<>();
    public double initialWater;
    public double initialFood;
    public Double initialFuel;
    /** The stock as of {@link #stockAt}: the model runs it down from there when it next deals with the NSP. */
    public double water;
    public double food;
    public Double fuel;
    /** The scenario time the stock levels hold for. */
    public long stockAt;
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
        this.stockAt = at;
        this.initialWater = nsp.capacity() * supplies.waterLitresPerPlace();
        this.initialFood = nsp.capacity() * supplies.rationsPerPlace();
        this.initialFuel = hasGenerator(nsp) ? supplies.generatorHours() : null;
        this.water = initialWater;
        this.food = initialFood;
        this.fuel = initialFuel;
    }

    /**
     * When the households present leave (leave time → who then, in the order they came in): the next departures
     * without looking at every household present, thousands at a regional NSP. Derived from {@link #present}, never
     * stored, and rebuilt when that map is replaced (read from the store); {@link #admit} and {@link #remove} keep it.
     */
    private transient TreeMap<Long, Set<String>> leaving;
    private transient Map<String, Present> leavingFor;
    /** When the model must next deal with this NSP; kept by the model's index of what is due, never stored. */
    transient long due;
    /** Households that came in (the entry) or left (null) since the store last took them, by their order. */
    private transient Map<Long, Present> presentWrites = new LinkedHashMap<>();

    void admit(Present household) {
        remove(household.checkInId());
        Present p = household.inOrder(++admissions);
        present.put(p.checkInId(), p);
        presentWrites.put(p.order(), p);
        if (p.leaveAt() != null) {
            leaving().computeIfAbsent(p.leaveAt(), at -> new LinkedHashSet<>()).add(p.checkInId());
        }
    }

    void remove(String checkInId) {
        TreeMap<Long, Set<String>> index = leaving();
        Present gone = present.remove(checkInId);
        if (gone != null && presentWrites.remove(gone.order()) == null) {
            presentWrites.put(gone.order(), null); // not only in memory: the store must forget it
        }
        if (gone != null && gone.leaveAt() != null) {
            Set<String> then = index.get(gone.leaveAt());
            then.remove(checkInId);
            if (then.isEmpty()) {
                index.remove(gone.leaveAt());
            }
        }
    }

    /**
     * The households that came in (the entry) or left (null) since the last call, by {@link Present#order}: what the
     * store writes for this NSP besides the NSP itself.
     */
    Map<Long, Present> takePresentWrites() {
        Map<Long, Present> out = presentWrites;
        presentWrites = new LinkedHashMap<>();
        return out;
    }

    /** The earliest time a household present leaves by itself; null when none will. */
    Long nextLeave() {
        TreeMap<Long, Set<String>> index = leaving();
        return index.isEmpty() ? null : index.firstKey();
    }

    /** The households present whose stay has ended by {@code at}: by leave time, then in the order they came. */
    List<Present> leavingBy(long at) {
        List<Present> due = new ArrayList<>();
        leaving().headMap(at, true).values().forEach(ids -> ids.forEach(id -> due.add(present.get(id))));
        return due;
    }

    private TreeMap<Long, Set<String>> leaving() {
        if (leavingFor != present) {
            leaving = new TreeMap<>();
            present.values().stream().filter(p -> p.leaveAt() != null).forEach(p -> leaving
                    .computeIfAbsent(p.leaveAt(), at -> new LinkedHashSet<>()).add(p.checkInId()));
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

    static Stock rounded(Stock levels) {
        return new Stock(round(levels.waterLitres()), round(levels.foodRations()),
                levels.fuelHours() == null ? null : round(levels.fuelHours()));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * A household inside; {@code leaveAt} null when it stays until it is checked out or the NSP closes; {@code order}
     * its place in the order households came into this NSP (given on admission).
     */
    public record Present(String checkInId, int size, List<String> needs, boolean lessSelfReliant, String source,
                          Long leaveAt, long order) {

        public Present(String checkInId, int size, List<String> needs, boolean lessSelfReliant, String source,
                       Long leaveAt) {
            this(checkInId, size, needs, lessSelfReliant, source, leaveAt, 0);
        }

        Present inOrder(long number) {
            return new Present(checkInId, size, needs, lessSelfReliant, source, leaveAt, number);
        }
    }

    /** Supplies on their way after a request. */
    public record Delivery(String requestId, String item, double amount, long at) {
    }
}
