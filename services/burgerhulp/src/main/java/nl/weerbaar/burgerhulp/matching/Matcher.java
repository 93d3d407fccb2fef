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
 * best {@code k}. Volunteers who cannot be there before the deadline or within the travel limit
 * ({@link HelpNeed#horizonMinutes()}), are fully loaded, lack the skill, or cannot be reached (no phones where
 * they live: only if present at the request's NSP) are left out. A bounded heap over the pool, or over the part of a
 * {@link VolunteerIndex} around the request that can still hold the best.
 */
public final class Matcher {

    static final double WALK_KMH = 5;
    static final double BIKE_KMH = 15;
    static final double CAR_KMH = 40;
    /**
     * What a minute longer to get there costs in the score, whatever the deadline: as much as one task done more. A
     * task due in six hours is not a reason to prefer someone an hour away over a neighbour.
     */
    static final double PER_MINUTE = 0.02;

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
     * or so far out that nobody in it could score above the {@code k}-th found so far (arriving no sooner than the
     * index's fastest response time plus the trip, by car while there is fuel, else by bike). {@code candidate} gives a
     * volunteer as the matcher sees them now.
     */
    public static List<Match> best(HelpNeed need, Conditions conditions, VolunteerIndex index,
                                   Function<String, Candidate> candidate, int k, Set<String> exclude) {
        PriorityQueue<Match> heap = new PriorityQueue<>(k + 1, WORST_FIRST);
        Set<String> atNsp = index.presentAt(need.nspId());
        for (String id : atNsp) {
            offer(heap, k, score(need, conditions, candidate.apply(id), exclude));
        }
        if (conditions.phones().anywhere()) {
            long horizon = need.horizonMinutes();
            // nobody from home is quicker than the fastest response plus the trip by the fastest means there is now
            int response = index.fastestResponseMinutes();
            double speed = conditions.fuelAvailable() ? CAR_KMH : BIKE_KMH;
            double reachKm = Math.max(0, horizon - response) / 60.0 * speed;
            double cosFarthest = index.cosFarthest(need.lat());
            for (int ring = 0; index.reaches(need.lat(), need.lon(), ring); ring++) {
                double nearest = index.nearestKm(need.lat(), need.lon(), ring);
                if (nearest > reachKm || k > 0 && heap.size() == k
                        && heap.peek().score() > bestPossible(need, response + nearest / speed * 60)) {
                    break;
                }
                index.forEachInRing(need.lat(), need.lon(), ring, (id, lat, lon, responseMinutes) -> {
                    // a home too far for its volunteer to beat the k-th found is passed over without asking who
                    // lives there (most homes of a ring are), by a cheap lower bound of the distance first
                    if (atNsp.contains(id) || k > 0 && heap.size() == k
                            && (tooFar(need, heap, responseMinutes, speed,
                                    index.atLeastKm(need.lat(), need.lon(), lat, lon, cosFarthest))
                            || tooFar(need, heap, responseMinutes, speed,
                                    Distance.km(lat, lon, need.lat(), need.lon())))) {
                        return;
                    }
                    offer(heap, k, score(need, conditions, candidate.apply(id), exclude));
                });
            }
        }
        List<Match> best = new ArrayList<>(heap);
        best.sort(WORST_FIRST.reversed());
        return best;
    }

    /**
     * The highest score anyone who needs at least {@code etaMinutes} to get there could get, rounded up beyond the
     * score's rounding: the best skill fit the need allows, no load, nothing done yet.
     */
    private static double bestPossible(HelpNeed need, double etaMinutes) {
        return 0.5 * SkillFit.best(need) + 0.4 - PER_MINUTE * etaMinutes + 0.001;
    }

    /** Whether a volunteer {@code km} away, with this response time, cannot beat the worst of a full heap. */
    private static boolean tooFar(HelpNeed need, PriorityQueue<Match> heap, int responseMinutes, double speed,
                                  double km) {
        return heap.peek().score() > bestPossible(need, responseMinutes + km / speed * 60);
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
        boolean phoned = conditions.phones().in(c.homePlaceId());
        if (!phoned && !atNsp) {
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
        long horizon = need.horizonMinutes();
        if (eta > horizon) {
            return null;
        }
        double load = (double) c.activeTasks() / c.maxTasks();
        double score = 0.5 * fit + 0.4 - PER_MINUTE * eta - 0.15 * load
                - 0.02 * Math.min(c.completedTasks(), 5);
        return new Match(c.volunteerId(), Math.round(score * 1000) / 1000.0, Math.round(km * 100) / 100.0, travel,
                eta, atNsp && !phoned ? "at-nsp" : "phone");
    }
}
