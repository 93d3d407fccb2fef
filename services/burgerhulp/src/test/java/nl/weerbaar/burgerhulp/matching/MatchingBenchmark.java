package nl.weerbaar.burgerhulp.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Prints how long matching one help request takes against a national-scale pool (200,000 registered volunteers,
 * spread over the Netherlands) and how much memory the pool takes. A measurement, not a test: run it with
 * {@code infra/bin/weerbaar bench}.
 */
public final class MatchingBenchmark {

    private static final List<String> SKILLS = List.of("first-aid", "cpr-aed", "care", "transport-car",
            "transport-bike", "technical", "languages", "psychosocial");

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        List<Candidate> pool = pool(size, new SplittableRandom(20261124));
        System.gc();
        long poolBytes = runtime.totalMemory() - runtime.freeMemory() - before;

        HelpNeed need = new HelpNeed("first-aid", 51.7322, 5.5266, "nsp-heesch", false, 36000, 36000 + 1800, 60);
        Conditions conditions = new Conditions(true, true);
        for (int i = 0; i < 20; i++) {
            Matcher.best(need, conditions, pool, 3, Set.of());
        }
        int runs = 100;
        long[] nanos = new long[runs];
        List<Match> best = List.of();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            best = Matcher.best(need, conditions, pool, 3, Set.of());
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "matching one help request against %,d volunteers (best 3 of them):%n", size);
        System.out.printf(Locale.ROOT, "  median %.1f ms, p95 %.1f ms, max %.1f ms over %d runs%n",
                nanos[runs / 2] / 1e6, nanos[runs * 95 / 100] / 1e6, nanos[runs - 1] / 1e6, runs);
        System.out.printf(Locale.ROOT, "  pool in memory: about %.0f MB (%.0f bytes per volunteer)%n",
                poolBytes / 1e6, (double) poolBytes / size);
        System.out.printf(Locale.ROOT, "  best: %s%n", best);
        throughTheIndex(size);
    }

    /**
     * As the coordination matches: through the {@link VolunteerIndex}, homes clustered around 1,800 places (within
     * 1.5 km of each, as the scenario's pool has them), volunteers partly loaded, needs and deadlines as
     * noodsteunpunten ask them. Once with the travel limit of 60 minutes, once without one (the horizon was the
     * time left, up to six hours), to show what looking only in the neighbourhood saves.
     */
    private static void throughTheIndex(int size) {
        SplittableRandom random = new SplittableRandom(20261203);
        double[][] places = new double[1800][];
        for (int p = 0; p < places.length; p++) {
            places[p] = new double[] {50.8 + 2.6 * random.nextDouble(), 3.4 + 3.8 * random.nextDouble()};
        }
        List<Candidate> pool = pool(size, random);
        java.util.Map<String, Candidate> byId = new java.util.HashMap<>();
        VolunteerIndex index = new VolunteerIndex();
        for (Candidate c : pool) {
            double[] place = places[random.nextInt(places.length)];
            double km = 1.5 * Math.sqrt(random.nextDouble());
            double angle = 2 * Math.PI * random.nextDouble();
            double lat = place[0] + km * Math.cos(angle) / 111.32;
            double lon = place[1] + km * Math.sin(angle) / (111.32 * Math.cos(Math.toRadians(place[0])));
            Candidate home = new Candidate(c.volunteerId(), lat, lon, c.skills(), c.hasCar(), c.activeTasks(),
                    c.maxTasks(), c.completedTasks(), c.responseMinutes(), null);
            byId.put(home.volunteerId(), home);
            index.add(home.volunteerId(), lat, lon, null, home.responseMinutes());
        }
        String[] needs = {"first-aid", "medication", "check-on-person", "transport", "check-on-person"};
        long[] deadlines = {1800, 7200, 21600, 21600, 7200};
        record Run(String what, int limit, Conditions conditions) {
        }
        for (Run run : List.of(new Run("travel limit 60 min", 60, new Conditions(true, true)),
                new Run("no travel limit (horizon = time left)", Integer.MAX_VALUE, new Conditions(true, true)),
                new Run("travel limit 60 min, no fuel", 60, new Conditions(true, false)))) {
            int runs = 2000;
            long[] nanos = new long[runs];
            long looked = 0;
            for (int i = 0; i < runs; i++) {
                double[] place = places[random.nextInt(places.length)];
                int n = random.nextInt(needs.length);
                HelpNeed need = new HelpNeed(needs[n], place[0] + 0.005, place[1] + 0.005, null, false, 36000,
                        36000 + deadlines[n], run.limit());
                long[] count = {0};
                long start = System.nanoTime();
                Matcher.best(need, run.conditions(), index, id -> {
                    count[0]++;
                    return byId.get(id);
                }, 3, Set.of());
                nanos[i] = System.nanoTime() - start;
                looked += count[0];
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "through the index, homes around 1,800 places, %s:%n", run.what());
            System.out.printf(Locale.ROOT, "  median %.2f ms, p95 %.2f ms, max %.2f ms over %d requests; "
                            + "%,d volunteers looked at per request on average%n", nanos[runs / 2] / 1e6,
                    nanos[runs * 95 / 100] / 1e6, nanos[runs - 1] / 1e6, runs, looked / runs);
        }
    }

    /** Volunteers spread over the Netherlands (lat 50.8-53.4, lon 3.4-7.2), skills by the default scenario's shares. */
    static List<Candidate> pool(int size, SplittableRandom random) {
        double[] shares = {0.45, 0.35, 0.2, 0.3, 0.5, 0.12, 0.1, 0.1};
        List<Candidate> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            List<String> skills = new ArrayList<>();
            for (int s = 0; s < SKILLS.size(); s++) {
                if (random.nextDouble() < shares[s]) {
                    skills.add(SKILLS.get(s));
                }
            }
            pool.add(new Candidate("v-" + i, 50.8 + 2.6 * random.nextDouble(), 3.4 + 3.8 * random.nextDouble(),
                    Set.copyOf(skills), random.nextDouble() < 0.6, random.nextInt(2), 2, random.nextInt(4),
                    3 + random.nextInt(18), null));
        }
        return pool;
    }
}
