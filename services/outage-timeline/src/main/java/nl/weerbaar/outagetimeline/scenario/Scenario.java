package nl.weerbaar.outagetimeline.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.scenario.NspPolicy;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.OutageStart;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.contracts.scenario.StatusEffect;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.scenario.Weather;

/** A scenario file as trainers write it; see {@code contracts/schemas/scenario.schema.json}. */
public record Scenario(String id, String name, String nameEn, String region, String description, Integer durationHours,
                       long seed, List<Sector> sectors, List<ScenarioProvider> providers, List<Place> places,
                       List<NspSite> nsps, List<ScenarioPhase> phases, List<ScenarioInject> injects,
                       NspPolicy nspPolicy, PopulationModel population, VolunteerModel volunteers,
                       OutageStart start, Weather weather, Integer regionInhabitants,
                       List<nl.weerbaar.contracts.scenario.Objective> objectives, List<ScenarioMessage> messages) {

    public static final int DEFAULT_DURATION_HOURS = 72;

    public Scenario {
        durationHours = durationHours == null ? DEFAULT_DURATION_HOURS : durationHours;
        providers = providers == null ? List.of() : providers;
        nsps = nsps == null ? List.of() : nsps;
        phases = phases == null ? List.of() : phases;
        injects = injects == null ? List.of() : injects;
        messages = messages == null ? List.of() : messages;
    }

    public long durationSeconds() {
        return durationHours * 3600L;
    }

    public Text title() {
        return new Text(name, nameEn);
    }

    /** What is wrong with an objective a trainer sets during an exercise of this scenario; empty when nothing. */
    public List<ScenarioProblem> problemsWith(nl.weerbaar.contracts.scenario.Objective objective) {
        return ScenarioRules.objective(this, objective);
    }

    public Optional<ScenarioProvider> provider(String providerId) {
        return providers.stream().filter(p -> p.id().equals(providerId)).findFirst();
    }

    public record ScenarioProvider(String id, String name, String sector, List<String> places, List<String> services,
                                   List<String> dependsOn, List<String> dependsOnAny, ScenarioBackup backup,
                                   Boolean vulnerableSite, String contactRole, String role) {

        /** Every provider it depends on, needed by all ({@code dependsOn}) or by one of ({@code dependsOnAny}). */
        public List<String> dependencies() {
            return Stream.concat(dependsOn == null ? Stream.<String>empty() : dependsOn.stream(),
                    dependsOnAny == null ? Stream.<String>empty() : dependsOnAny.stream()).distinct().toList();
        }
    }

    /** Either a fixed autonomy or a range drawn per exercise with the seed. */
    public record ScenarioBackup(String kind, Double autonomyHours, List<Double> autonomyRangeHours,
                                 Boolean refuelPossible) {
    }

    public record ScenarioPhase(String id, String at, Text name) {
        public long offsetSeconds() {
            return ScenarioTime.parse(at);
        }
    }

    public record ScenarioInject(String id, String at, String sector, String providerId, String band, Text effect,
                                 String severity, StatusEffect statusEffect, Boolean held) {
        public long offsetSeconds() {
            return ScenarioTime.parse(at);
        }

        public boolean isHeld() {
            return Boolean.TRUE.equals(held);
        }
    }

    /** A role player's message to the crisis team at its time: an inject that asks something. */
    public record ScenarioMessage(String id, String at, String from, String providerId, Text text) {
        public long offsetSeconds() {
            return ScenarioTime.parse(at);
        }
    }

    /** How many households get into need per hour, and which needs, per band of hours. */
    public record PopulationModel(Map<String, Double> householdSizes, double lessSelfReliantShare,
                                  List<DemandBand> bands) {
    }

    public record DemandBand(int fromHour, int toHour, double inNeedPerThousandPerHour, double arrivalShare,
                             Map<String, Double> needs) {
    }

    /**
     * The scenario's volunteer pool: size (per 1,000 inhabitants of each place, or a {@code count} for the region
     * spread by inhabitants), skills, behaviour and when they make themselves available.
     */
    public record VolunteerModel(Double perThousandInhabitants, Integer count, Map<String, Double> skills,
                                 double carShare, List<Double> acceptanceChance, Integer maxTasks, List<Integer> responseMinutes,
                                 Double homeRadiusKm, List<Availability> availability) {
    }

    public record Availability(int fromHour, int toHour, double share) {
    }
}
