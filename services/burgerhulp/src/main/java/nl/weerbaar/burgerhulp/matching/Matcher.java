package nl.weerbaar.burgerhulp.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import nl.weerbaar.kit.geo.Distance;

/**
 * Ranks volunteers for a help request (after HartslagNu: the nearest capable few are alerted, not everyone) by skill
 * fit, time to get there (walking, cycling, or by car while there is fuel), current load and fairness, and keeps the
 * best {@code k}. Volunteers who cannot make the deadline, are fully loaded, lack the skill, or cannot be reached
 * (no phones: only those present at the request's NSP) are left out. A bounded heap over the pool, or over the
 * part of a {@link VolunteerIndex} around the request that can still hold the best.
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
            offer(heap, k, score(need, conditions, c, exclude));
        }
        List<Match> best = new ArrayList<>(heap);
        best.sort(WORST_FIRST.reversed());
        return best;
    }

    /**
     * The same best {@code k} as {@link #best(HelpNeed, Conditions, Iterable, int, Set)} over every volunteer in
     * {@code index}, found by looking outward from the request: first who is present at its NSP (they are at the
     * request, wherever they live), then the homes ring by ring, until a ring lies beyond reach before the deadline
     * or so far out that nobody in it could score above the {@code k}-th found so far. {@code candidate} gives a
     * volunteer as the matcher sees them now.
     */
    public static List<Match> best(HelpNeed need, Conditions conditions, VolunteerIndex index,
                                   Function<String, Candidate> candidate, int k, Set<String> exclude) {
        PriorityQueue<Match> heap = new PriorityQueue<>(k + 1, WORST_FIRST);
        Set<String> atNsp = index.presentAt(need.nspId());
        for (String id : atNsp) {
            offer(heap, k, score(need, conditions, candidate.apply(id), exclude));
        }
        if (conditions.phonesWork()) {
            long window = Math.max(1, need.minutesLeft());
            double reachKm = window / 60.0 * CAR_KMH;
            for (int ring = 0; index.reaches(need.lat(), need.lon(), ring); ring++) {
                double nearest = index.nearestKm(need.lat(), need.lon(), ring);
                if (nearest > reachKm || k > 0 && heap.size() == k && heap.peek().score() > bestPossible(nearest, window)) {
                    break;
                }
                for (String id : index.ring(need.lat(), need.lon(), ring)) {
                    if (!atNsp.contains(id)) {
                        offer(heap, k, score(need, conditions, candidate.apply(id), exclude));
                    }
                }
            }
        }
        List<Match> best = new ArrayList<>(heap);
        best.sort(WORST_FIRST.reversed());
        return best;
    }

    /**
     * The highest score anyone at least {@code km} away could get, rounded up beyond the score's rounding: the best
     * skill fit, no load, nothing done yet, no response time, by car.
     */
    private static double bestPossible(double km, long window) {
        double eta = km / CAR_KMH * 60;
        return 0.5 + 0.4 * (1 - eta / window) + 0.001;
    }

    private static void offer(PriorityQueue<Match> heap, int k, Match m) {
        if (m != null) {
            heap.add(m);
            if (heap.size() > k) {
                heap.poll();
            }
        }
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
