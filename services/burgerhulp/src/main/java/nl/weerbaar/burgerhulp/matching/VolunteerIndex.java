package nl.weerbaar.burgerhulp.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where volunteers can be found: their homes in cells of {@link #CELL_DEGREES}, and who is present at which
 * noodsteunpunt. The matcher looks outward from a request ring by ring and stops where nobody further away could
 * still rank among the best, so a match in a national pool of 200,000 looks at the few hundred around the request
 * instead of all of them. The index holds ids only; what a volunteer can and how busy they are is asked when they
 * are looked at.
 */
public final class VolunteerIndex {

    /** About 2.2 km north-south and 1.4 km east-west in the Netherlands. */
    static final double CELL_DEGREES = 0.02;
    private static final double EARTH_RADIUS_KM = 6371.0;

    private final Map<Long, Cell> homes = new HashMap<>();
    private final Map<String, Set<String>> present = new HashMap<>();
    private int minRow = Integer.MAX_VALUE;
    private int maxRow = Integer.MIN_VALUE;
    private int minColumn = Integer.MAX_VALUE;
    private int maxColumn = Integer.MIN_VALUE;
    /** The largest |latitude| of any home: the east-west bound of a ring holds only up to there. */
    private double maxAbsLat;
    /** The shortest response time of anyone here: nobody from home arrives sooner than this plus the trip. */
    private int fastestResponse = Integer.MAX_VALUE;

    /**
     * A volunteer living at ({@code lat}, {@code lon}), present at {@code nspId} (or nowhere: null), who needs
     * {@code responseMinutes} before setting off from home.
     */
    public void add(String volunteerId, double lat, double lon, String nspId, int responseMinutes) {
        int row = row(lat);
        int column = column(lon);
        homes.computeIfAbsent(key(row, column), k -> new Cell()).add(volunteerId, lat, lon, responseMinutes);
        minRow = Math.min(minRow, row);
        maxRow = Math.max(maxRow, row);
        minColumn = Math.min(minColumn, column);
        maxColumn = Math.max(maxColumn, column);
        maxAbsLat = Math.max(maxAbsLat, Math.abs(lat));
        fastestResponse = Math.min(fastestResponse, Math.max(0, responseMinutes));
        moved(volunteerId, null, nspId);
    }

    /** A volunteer left {@code from} and is now at {@code to} (either may be null: at home). */
    public void moved(String volunteerId, String from, String to) {
        if (from != null) {
            Set<String> there = present.get(from);
            if (there != null) {
                there.remove(volunteerId);
            }
        }
        if (to != null) {
            present.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(volunteerId);
        }
    }

    /** The shortest response time of any volunteer here (0 when there are none). */
    int fastestResponseMinutes() {
        return fastestResponse == Integer.MAX_VALUE ? 0 : fastestResponse;
    }

    /** Who is present at a noodsteunpunt now. */
    Set<String> presentAt(String nspId) {
        return nspId == null ? Set.of() : present.getOrDefault(nspId, Set.of());
    }

    /** The homes in the ring of cells {@code ring} steps around the cell of ({@code lat}, {@code lon}). */
    List<String> ring(double lat, double lon, int ring) {
        List<String> ids = new ArrayList<>();
        forEachInRing(lat, lon, ring, (id, homeLat, homeLon, response) -> ids.add(id));
        return ids;
    }

    /** Every home in ring {@code ring} with where it is and its volunteer's response time, without a lookup. */
    void forEachInRing(double lat, double lon, int ring, HomeVisitor visitor) {
        int row = row(lat);
        int column = column(lon);
        for (int r = row - ring; r <= row + ring; r++) {
            int step = r == row - ring || r == row + ring ? 1 : 2 * ring;
            for (int c = column - ring; c <= column + ring; c += Math.max(1, step)) {
                Cell cell = homes.get(key(r, c));
                if (cell != null) {
                    for (int i = 0; i < cell.ids.size(); i++) {
                        visitor.visit(cell.ids.get(i), cell.lats[i], cell.lons[i], cell.responses[i]);
                    }
                }
            }
        }
    }

    /** A home as the ring search sees it. */
    @FunctionalInterface
    interface HomeVisitor {
        void visit(String volunteerId, double lat, double lon, int responseMinutes);
    }

    /**
     * The homes of one cell: ids with their coordinates and response times side by side, so the search can rule a
     * home out by where it is before it asks who lives there.
     */
    private static final class Cell {
        final List<String> ids = new ArrayList<>(4);
        double[] lats = new double[4];
        double[] lons = new double[4];
        int[] responses = new int[4];

        void add(String id, double lat, double lon, int response) {
            int i = ids.size();
            if (i == lats.length) {
                lats = java.util.Arrays.copyOf(lats, 2 * i);
                lons = java.util.Arrays.copyOf(lons, 2 * i);
                responses = java.util.Arrays.copyOf(responses, 2 * i);
            }
            ids.add(id);
            lats[i] = lat;
            lons[i] = lon;
            responses[i] = Math.max(0, response);
        }
    }

    /** Whether a ring this far out still holds cells with homes in them. */
    boolean reaches(double lat, double lon, int ring) {
        int row = row(lat);
        int column = column(lon);
        return row - ring <= maxRow && row + ring >= minRow && column - ring <= maxColumn
                && column + ring >= minColumn;
    }

    /**
     * A lower bound of the great-circle distance from ({@code lat}, {@code lon}) to any home in ring {@code ring}:
     * such a home lies beyond the ring inside it, north-south or east-west. North-south that is the meridian arc;
     * east-west at least {@code 2R asin(cos(maxLat) sin(dLon/2))}, as the haversine formula shows for points no
     * further from the equator than {@code maxLat}.
     */
    double nearestKm(double lat, double lon, int ring) {
        if (ring == 0) {
            return 0;
        }
        int row = row(lat);
        int column = column(lon);
        double south = (row - ring + 1) * CELL_DEGREES;
        double north = (row + ring) * CELL_DEGREES;
        double west = (column - ring + 1) * CELL_DEGREES;
        double east = (column + ring) * CELL_DEGREES;
        double latGap = Math.max(0, Math.min(lat - south, north - lat));
        double lonGap = Math.max(0, Math.min(lon - west, east - lon));
        double northSouth = EARTH_RADIUS_KM * Math.toRadians(latGap);
        double cosMax = Math.cos(Math.toRadians(Math.min(90, Math.max(maxAbsLat, Math.abs(lat)))));
        double eastWest = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, cosMax * Math.sin(Math.toRadians(lonGap) / 2)));
        return 0.999 * Math.min(northSouth, eastWest); // a margin for rounding in the haversine formula
    }

    /**
     * A lower bound of the great-circle distance between a request at ({@code lat}, {@code lon}) and a home here,
     * without trigonometry: the north-south arc, or east-west {@code 2R cos(maxLat) sin(dLon/2)} (the haversine
     * formula's second term alone) with the sine bounded below by {@code y - y^3/6}.
     */
    double atLeastKm(double lat, double lon, double homeLat, double homeLon, double cosFarthest) {
        double northSouth = EARTH_RADIUS_KM * Math.toRadians(Math.abs(homeLat - lat));
        double y = Math.toRadians(Math.abs(homeLon - lon)) / 2;
        double eastWest = y > 1 ? 0 : 2 * EARTH_RADIUS_KM * cosFarthest * (y - y * y * y / 6);
        return 0.999 * Math.max(northSouth, eastWest);
    }

    /** The cosine of the latitude furthest from the equator of any home and {@code lat}: for {@link #atLeastKm}. */
    double cosFarthest(double lat) {
        return Math.cos(Math.toRadians(Math.min(90, Math.max(maxAbsLat, Math.abs(lat)))));
    }

    private static int row(double lat) {
        return (int) Math.floor(lat / CELL_DEGREES);
    }

    private static int column(double lon) {
        return (int) Math.floor(lon / CELL_DEGREES);
    }

    private static long key(int row, int column) {
        return ((long) row << 32) ^ (column & 0xffffffffL);
    }
}
