package nl.weerbaar.burgerhulp.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import nl.weerbaar.kit.geo.Distance;

/**
 * Ranks volunteers for a help request (after HartslagNu: the nearest capable few are alerted, not everyone) by skill
 * fit, time to get there (walking, cycling, or by car while there is fuel), current load and fairness, and keeps the
 * best {@code k}. Volunteers who cannot make the deadline, are fully loaded, lack the skill, or cannot be reached
 * (no phones: only those present at the request's NSP) are left out. One pass, a bounded heap: linear in the pool.
 */
public final class Matcher {

    static final double WALK_KMH = 5;
    static final double BIKE_KMH = 15;
    static final double CAR_KMH = 40;

    private static final Comparator<Match> WORST_FIRST = Comparator.comparingDouble(Match::score)
            .thenComparing(Match::volunteerId, Comparator.reverseOrder());

    private Matcher() {
    }

    /** The best {@code k} volunteers, best first, leaving out those in {@code exclude} (asked before). */
    public static List<Match> best(HelpNeed need, Conditions conditions, Iterable<Candidate> pool, int k,
                                   Set<String> exclude) {
        PriorityQueue<Match> heap = new PriorityQueue<>(k + 1, WORST_FIRST);
        for (Candidate c : pool) {
            Match m = score(need, conditions, c, exclude);
            if (m != null) {
                heap.add(m);
                if (heap.size() > k) {
                    heap.poll();
                }
            }
        }
        List<Match> best = new ArrayList<>(heap);
        best.sort(WORST_FIRST.reversed());
        return best;
    }

    /** A candidate's match, or null when they cannot take it. */
    static Match score(HelpNeed need, Conditions conditions, Candidate c, Set<String> exclude) {
        if (!c.free() || exclude.contains(c.volunteerId())) {
            return null;
        }
        boolean atNsp = need.nspId() != null && need.nspId().equals(c.presentAtNsp());
        if (!conditions.phonesWork() && !atNsp) {
            return null;
        }
        boolean canDrive = c.hasCar() && conditions.fuelAvailable();
        double fit = SkillFit.of(need, c.skills(), canDrive);
        if (fit <= 0) {
            return null;
        }
        double km = Distance.km(c.lat(), c.lon(), need.lat(), need.lon());
        String travel = canDrive ? "car" : c.skills().contains("transport-bike") ? "bike" : "walk";
        double speed = switch (travel) {
            case "car" -> CAR_KMH;
            case "bike" -> BIKE_KMH;
            default -> WALK_KMH;
        };
        int eta = (atNsp ? 0 : c.responseMinutes()) + (int) Math.ceil(km / speed * 60);
        long window = Math.max(1, need.minutesLeft());
        if (eta > window) {
            return null;
        }
        double load = (double) c.activeTasks() / c.maxTasks();
        double score = 0.5 * fit + 0.4 * (1 - (double) eta / window) - 0.15 * load
                - 0.02 * Math.min(c.completedTasks(), 5);
        return new Match(c.volunteerId(), Math.round(score * 1000) / 1000.0, Math.round(km * 100) / 100.0, travel,
                eta, atNsp && !conditions.phonesWork() ? "at-nsp" : "phone");
    }
}
