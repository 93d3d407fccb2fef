package nl.weerbaar.outagetimeline.scenario;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random numbers that depend only on the exercise seed and what they are for (place, hour …), never on when or how
 * often they are asked for: a pause, a jump or a restart cannot change what a seed produces.
 */
final class Seeded {

    private Seeded() {
    }

    static SplittableRandom random(long seed, Object... parts) {
        long h = seed;
        for (Object part : parts) {
            h = h * 1_000_003L + String.valueOf(part).hashCode(); // String.hashCode is specified, so stable
        }
        return new SplittableRandom(h);
    }

    /** Poisson draw; a normal approximation for large means keeps it O(1). */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 200) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** A key drawn by the given weights (which need not sum to 1); iteration order of the map decides ties. */
    static String weighted(SplittableRandom random, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double pick = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            last = e.getKey();
            pick -= e.getValue();
            if (pick < 0) {
                return last;
            }
        }
        return last;
    }

    static double between(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
