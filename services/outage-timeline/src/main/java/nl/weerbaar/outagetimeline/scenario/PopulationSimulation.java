package nl.weerbaar.outagetimeline.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.weerbaar.contracts.exercise.PopulationDemand;
import nl.weerbaar.contracts.exercise.PopulationDemand.PlaceDemand;
import nl.weerbaar.contracts.scenario.Household;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.outagetimeline.scenario.Scenario.DemandBand;
import nl.weerbaar.outagetimeline.scenario.Scenario.PopulationModel;

/**
 * The population model for one scenario hour: per place, how many households get into need (and which needs), how
 * many of them are less self-reliant, and which of them turn to a noodsteunpunt. Depends only on seed, place and hour
 * (and the scenario's start moment and weather: {@link Circumstances}; and the crisis team's public warnings: a place
 * told to come to its noodsteunpunt sends more, one told to stay home fewer, and a household that needed only
 * information has it from the warning and stays home).
 */
public final class PopulationSimulation {

    private PopulationSimulation() {
    }

    public static Optional<PopulationDemand> hour(Scenario s, String exerciseId, long seed, int hour) {
        return hour(s, exerciseId, seed, hour, CrisisTeamDecisions.none());
    }

    public static Optional<PopulationDemand> hour(Scenario s, String exerciseId, long seed, int hour,
                                                  CrisisTeamDecisions decided) {
        PopulationModel model = s.population();
        if (model == null) {
            return Optional.empty();
        }
        Optional<DemandBand> band = model.bands().stream()
                .filter(b -> hour >= b.fromHour() && hour < b.toHour()).findFirst();
        if (band.isEmpty()) {
            return Optional.empty();
        }
        Circumstances.Hour circumstances = Circumstances.of(s, hour);
        List<PlaceDemand> places = new ArrayList<>();
        Map<String, String> warned = decided.warnedBefore(hour);
        for (Place place : s.places()) {
            places.add(place(model, band.get(), circumstances, warned.get(place.id()), place, seed, hour));
        }
        return Optional.of(new PopulationDemand(exerciseId, hour, hour * 3600L, (hour + 1) * 3600L, places));
    }

    private static PlaceDemand place(PopulationModel model, DemandBand band, Circumstances.Hour circumstances,
                                     String advice, Place place, long seed, int hour) {
        SplittableRandom random = Seeded.random(seed, "population", place.id(), hour);
        int inNeed = Seeded.poisson(random, place.households() * band.inNeedPerThousandPerHour() / 1000.0
                * circumstances.inNeedFactor());
        Map<String, Double> shares = circumstances.warmthFactor() == 1 ? band.needs() : warmer(band.needs(),
                circumstances.warmthFactor());
        double arrivalShare = Math.min(1, band.arrivalShare() * circumstances.arrivalFactor()
                * CrisisTeamDecisions.arrivalFactor(advice));
        Map<String, Integer> counts = new TreeMap<>();
        int lessSelfReliant = 0;
        List<Household> arrivals = new ArrayList<>();
        for (int i = 0; i < inNeed; i++) {
            List<String> needs = needs(random, shares);
            boolean vulnerable = random.nextDouble() < model.lessSelfReliantShare();
            int size = Integer.parseInt(Seeded.weighted(random, model.householdSizes()));
            needs.forEach(n -> counts.merge(n, 1, Integer::sum));
            lessSelfReliant += vulnerable ? 1 : 0;
            // the same draws with or without a warning: a warning changes who comes, not the rest of the hour
            boolean comes = random.nextDouble() < arrivalShare;
            if (comes && !(advice != null && needs.equals(List.of("information")))) {
                arrivals.add(new Household(place.id() + "-u" + hour + "-" + (i + 1), size, needs, vulnerable,
                        place.postcode()));
            }
        }
        return new PlaceDemand(place.id(), counts, lessSelfReliant, arrivals);
    }

    /** The band's need shares with warmth more common in the cold (at most 95 %). */
    private static Map<String, Double> warmer(Map<String, Double> shares, double factor) {
        Map<String, Double> colder = new TreeMap<>(shares);
        colder.computeIfPresent("warmth", (need, share) -> Math.min(0.95, share * factor));
        return colder;
    }

    /** Each need by its share; a household in need has at least one, the band's most common. */
    private static List<String> needs(SplittableRandom random, Map<String, Double> shares) {
        List<String> needs = new ArrayList<>();
        new TreeMap<>(shares).forEach((need, share) -> {
            if (random.nextDouble() < share) {
                needs.add(need);
            }
        });
        if (needs.isEmpty()) {
            needs.add(shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
        }
        return needs;
    }
}
