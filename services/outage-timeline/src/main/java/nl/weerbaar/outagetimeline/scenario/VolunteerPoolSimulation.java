package nl.weerbaar.outagetimeline.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.weerbaar.contracts.exercise.VolunteersAvailable;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.outagetimeline.scenario.Scenario.Availability;
import nl.weerbaar.outagetimeline.scenario.Scenario.VolunteerModel;

/**
 * The scenario's volunteer pool: per place a seeded set of volunteers with skills, a home near the kern, behaviour
 * (acceptance chance, car, response time) and the hour in which they make themselves available.
 */
public final class VolunteerPoolSimulation {

    private static final double KM_PER_DEGREE_LAT = 111.32;

    private VolunteerPoolSimulation() {
    }

    /** Those who become available in {@code hour}; empty when nobody does. */
    public static Optional<VolunteersAvailable> hour(Scenario s, String exerciseId, long seed, int hour) {
        return hour(s, exerciseId, seed, hour, CrisisTeamDecisions.none());
    }

    /**
     * As {@link #hour(Scenario, String, long, int)}, with the volunteers who answer the crisis team's appeals in
     * that hour (an hour after the appeal): as many as asked, spread over the places asked (none: all) by
     * inhabitants, drawn like the pool's from the seed and the appeal, so the same appeal brings the same people.
     */
    public static Optional<VolunteersAvailable> hour(Scenario s, String exerciseId, long seed, int hour,
                                                     CrisisTeamDecisions decided) {
        List<Volunteer> available = new ArrayList<>();
        if (s.volunteers() != null) {
            Map<String, Integer> sizes = sizes(s.volunteers(), s.places(), s.regionInhabitants());
            for (Place place : s.places()) {
                pool(s.volunteers(), place, sizes.get(place.id()), seed, hour, available);
            }
            for (var appeal : decided.appealsAnsweredIn(hour)) {
                List<Place> asked = appeal.places().isEmpty() ? s.places()
                        : s.places().stream().filter(p -> appeal.places().contains(p.id())).toList();
                Map<String, Integer> extra = spread(appeal.count(), asked);
                String tag = appeal.decisionId().substring(Math.max(0, appeal.decisionId().length() - 8));
                for (Place place : asked) {
                    for (int n = 1; n <= extra.get(place.id()); n++) {
                        SplittableRandom random = Seeded.random(seed, "appeal", appeal.decisionId(), place.id(), n);
                        available.add(volunteer(s.volunteers(), place, "v-" + place.id() + "-x" + tag + "-" + n,
                                random));
                    }
                }
            }
        }
        return available.isEmpty() ? Optional.empty() : Optional.of(new VolunteersAvailable(exerciseId, hour, available));
    }

    /**
     * Each place's pool: its inhabitants times the rate per 1,000; or the region's count spread by inhabitants (largest
     * remainders first, ties by place id), so the places' pools add up to the count exactly. With the region's
     * inhabitants stated (more than its places'), the rate applies to all of them and the count is spread likewise.
     */
    static Map<String, Integer> sizes(VolunteerModel model, List<Place> places, Integer regionInhabitants) {
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        Integer count = model.count() != null || regionInhabitants == null ? model.count()
                : Integer.valueOf((int) Math.round(regionInhabitants * model.perThousandInhabitants() / 1000.0));
        if (count == null) {
            places.forEach(p -> sizes.put(p.id(), (int) Math.round(p.inhabitants() * model.perThousandInhabitants()
                    / 1000.0)));
            return sizes;
        }
        return spread(count, places);
    }

    /** {@code count} spread over {@code places} by inhabitants, largest remainders first, ties by place id. */
    private static Map<String, Integer> spread(int count, List<Place> places) {
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        long inhabitants = places.stream().mapToLong(Place::inhabitants).sum();
        List<Place> byRemainder = new ArrayList<>(places);
        int given = 0;
        for (Place p : places) {
            int share = inhabitants == 0 ? 0 : (int) (count * (long) p.inhabitants() / inhabitants);
            sizes.put(p.id(), share);
            given += share;
        }
        byRemainder.sort(java.util.Comparator.comparingLong((Place p) -> inhabitants == 0 ? 0
                : -(count * (long) p.inhabitants() % inhabitants)).thenComparing(Place::id));
        for (int i = 0; i < count - given && !byRemainder.isEmpty(); i++) {
            sizes.merge(byRemainder.get(i % byRemainder.size()).id(), 1, Integer::sum);
        }
        return sizes;
    }

    private static void pool(VolunteerModel model, Place place, int size, long seed, int hour, List<Volunteer> into) {
        for (int n = 1; n <= size; n++) {
            SplittableRandom random = Seeded.random(seed, "volunteer", place.id(), n);
            Integer availableHour = availableHour(random, model.availability());
            if (availableHour == null || availableHour != hour) {
                continue;
            }
            into.add(volunteer(model, place, "v-" + place.id() + "-" + n, random));
        }
    }

    /** A volunteer living near {@code place}, their skills and behaviour drawn from {@code random}. */
    private static Volunteer volunteer(VolunteerModel model, Place place, String id, SplittableRandom random) {
        double radiusKm = model.homeRadiusKm() == null ? 1.5 : model.homeRadiusKm();
        List<String> skills = new ArrayList<>();
        new TreeMap<>(model.skills()).forEach((skill, share) -> {
            if (random.nextDouble() < share) {
                skills.add(skill);
            }
        });
        double distance = radiusKm * Math.sqrt(random.nextDouble());
        double angle = 2 * Math.PI * random.nextDouble();
        double lat = place.lat() + distance * Math.cos(angle) / KM_PER_DEGREE_LAT;
        double lon = place.lon() + distance * Math.sin(angle) / (KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(place.lat())));
        double accept = Seeded.between(random, model.acceptanceChance().get(0), model.acceptanceChance().get(1));
        int maxTasks = model.maxTasks() == null ? 1 : 1 + random.nextInt(model.maxTasks());
        Integer response = model.responseMinutes() == null ? null
                : model.responseMinutes().get(0) + random.nextInt(model.responseMinutes().get(1)
                        - model.responseMinutes().get(0) + 1);
        return new Volunteer(id, place.id(), round(lat), round(lon), skills, maxTasks,
                Math.round(accept * 100) / 100.0, random.nextDouble() < model.carShare(), response);
    }

    /** The hour a volunteer reports available, or null when they never do in this scenario. */
    private static Integer availableHour(SplittableRandom random, List<Availability> availability) {
        double pick = random.nextDouble();
        for (Availability band : availability) {
            pick -= band.share();
            if (pick < 0) {
                return band.fromHour() + random.nextInt(Math.max(1, band.toHour() - band.fromHour()));
            }
        }
        return null;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e5) / 1e5;
    }
}
