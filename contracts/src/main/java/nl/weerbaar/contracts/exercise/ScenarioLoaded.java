package nl.weerbaar.contracts.exercise;

import java.util.List;
import nl.weerbaar.contracts.scenario.NspPolicy;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Objective;
import nl.weerbaar.contracts.scenario.OutageStart;
import nl.weerbaar.contracts.scenario.Phase;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.scenario.Weather;

/**
 * The world of an exercise, resolved with its seed, so the other services can register providers and NSPs; with the
 * region's own NSP policy, and when and in what weather the power fails, where the scenario states them.
 */
public record ScenarioLoaded(String exerciseId, String scenarioId, Text name, String region, long seed,
                             long durationSeconds, List<Sector> sectors, List<Provider> providers, List<Place> places,
                             List<NspSite> nsps, List<Phase> phases, NspPolicy nspPolicy, OutageStart start,
                             Weather weather, Integer regionInhabitants, List<Objective> objectives) {

    /** A world without objectives (the format before them). */
    public ScenarioLoaded(String exerciseId, String scenarioId, Text name, String region, long seed,
                          long durationSeconds, List<Sector> sectors, List<Provider> providers, List<Place> places,
                          List<NspSite> nsps, List<Phase> phases, NspPolicy nspPolicy, OutageStart start,
                          Weather weather, Integer regionInhabitants) {
        this(exerciseId, scenarioId, name, region, seed, durationSeconds, sectors, providers, places, nsps, phases,
                nspPolicy, start, weather, regionInhabitants, List.of());
    }
}
