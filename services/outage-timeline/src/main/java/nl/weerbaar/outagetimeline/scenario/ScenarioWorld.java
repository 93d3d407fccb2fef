package nl.weerbaar.outagetimeline.scenario;

import java.util.List;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.scenario.Backup;
import nl.weerbaar.contracts.scenario.Phase;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioBackup;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioProvider;

/** The world of one exercise: the scenario with every range drawn from the exercise's seed. */
public final class ScenarioWorld {

    private ScenarioWorld() {
    }

    public static ScenarioLoaded resolve(Scenario s, String exerciseId, long seed) {
        List<Provider> providers = s.providers().stream().map(p -> provider(p, seed)).toList();
        List<Phase> phases = s.phases().stream().map(p -> new Phase(p.id(), p.offsetSeconds(), p.name())).toList();
        return new ScenarioLoaded(exerciseId, s.id(), s.title(), s.region(), seed, s.durationSeconds(), s.sectors(),
                providers, s.places(), s.nsps(), phases, s.nspPolicy(), s.start(), s.weather(),
                s.regionInhabitants(), s.objectives() == null ? List.of() : s.objectives());
    }

    private static Provider provider(ScenarioProvider p, long seed) {
        ScenarioBackup b = p.backup();
        double hours = b.autonomyHours() != null ? b.autonomyHours()
                : Math.round(Seeded.between(Seeded.random(seed, "backup", p.id()), b.autonomyRangeHours().get(0),
                        b.autonomyRangeHours().get(1)) * 10) / 10.0;
        return new Provider(p.id(), p.name(), p.sector(), p.places(), p.services(), p.dependsOn(), p.dependsOnAny(),
                new Backup(b.kind(), hours, b.refuelPossible()), p.vulnerableSite(), p.contactRole(), p.role());
    }
}
