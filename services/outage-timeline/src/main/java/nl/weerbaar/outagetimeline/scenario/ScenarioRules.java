package nl.weerbaar.outagetimeline.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import nl.weerbaar.contracts.scenario.DependencyGraph;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioInject;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioPhase;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioProvider;

/**
 * What the schema cannot say: ids are unique, references point at something that exists, times lie within the
 * scenario, and the providers' dependencies have no cycle (a cycle is reported, never followed).
 */
final class ScenarioRules {

    private ScenarioRules() {
    }

    static void check(Scenario s, ToIntFunction<String> lineOf, List<ScenarioProblem> problems) {
        Set<String> sectors = unique("sectors", s.sectors(), Sector::id, lineOf, problems);
        Set<String> places = unique("places", s.places(), Place::id, lineOf, problems);
        Set<String> providers = unique("providers", s.providers(), ScenarioProvider::id, lineOf, problems);
        unique("nsps", s.nsps(), NspSite::id, lineOf, problems);
        unique("injects", s.injects(), ScenarioInject::id, lineOf, problems);
        unique("phases", s.phases(), ScenarioPhase::id, lineOf, problems);

        for (int i = 0; i < s.providers().size(); i++) {
            ScenarioProvider p = s.providers().get(i);
            String at = "$.providers[" + i + "]";
            known(sectors, p.sector(), "sector", at + ".sector", lineOf, problems);
            list(p.places()).forEach(place -> known(places, place, "place", at + ".places", lineOf, problems));
            list(p.dependsOn()).forEach(dep -> known(providers, dep, "provider", at + ".dependsOn", lineOf, problems));
            list(p.dependsOnAny()).forEach(dep -> known(providers, dep, "provider", at + ".dependsOnAny", lineOf,
                    problems));
            var backup = p.backup();
            if (backup.autonomyRangeHours() != null && backup.autonomyRangeHours().get(0) > backup.autonomyRangeHours().get(1)) {
                add(problems, lineOf, at + ".backup.autonomyRangeHours", "the range runs from low to high");
            }
        }
        for (int i = 0; i < s.nsps().size(); i++) {
            known(places, s.nsps().get(i).placeId(), "place", "$.nsps[" + i + "].placeId", lineOf, problems);
        }
        for (int i = 0; i < s.injects().size(); i++) {
            ScenarioInject inject = s.injects().get(i);
            String at = "$.injects[" + i + "]";
            known(sectors, inject.sector(), "sector", at + ".sector", lineOf, problems);
            if (inject.providerId() != null) {
                known(providers, inject.providerId(), "provider", at + ".providerId", lineOf, problems);
            }
            if (inject.statusEffect() != null && inject.statusEffect().providerId() != null) {
                known(providers, inject.statusEffect().providerId(), "provider", at + ".statusEffect.providerId", lineOf,
                        problems);
            }
            within(s, inject.offsetSeconds(), at + ".at", lineOf, problems);
        }
        for (int i = 0; i < s.phases().size(); i++) {
            within(s, s.phases().get(i).offsetSeconds(), "$.phases[" + i + "].at", lineOf, problems);
        }
        cycle(s.providers()).ifPresent(cycle -> add(problems, lineOf, "$.providers",
                "the dependencies form a cycle: " + String.join(" -> ", cycle)));
    }

    private static <T> Set<String> unique(String list, List<T> items, Function<T, String> id,
                                          ToIntFunction<String> lineOf, List<ScenarioProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list(items).size(); i++) {
            String value = id.apply(items.get(i));
            if (!seen.add(value)) {
                add(problems, lineOf, "$." + list + "[" + i + "].id", "id '" + value + "' is used twice");
            }
        }
        return seen;
    }

    private static void known(Set<String> ids, String id, String what, String path, ToIntFunction<String> lineOf,
                              List<ScenarioProblem> problems) {
        if (!ids.contains(id)) {
            add(problems, lineOf, path, "unknown " + what + " '" + id + "'");
        }
    }

    private static void within(Scenario s, long offset, String path, ToIntFunction<String> lineOf,
                               List<ScenarioProblem> problems) {
        if (offset > s.durationSeconds()) {
            add(problems, lineOf, path, "lies after the end of the scenario (" + s.durationHours() + " h)");
        }
    }

    private static void add(List<ScenarioProblem> problems, ToIntFunction<String> lineOf, String path, String message) {
        problems.add(new ScenarioProblem(lineOf.applyAsInt(path), path, message));
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    /** The first dependency cycle, as the path that closes it, if there is one. */
    static java.util.Optional<List<String>> cycle(List<ScenarioProvider> providers) {
        Map<String, List<String>> edges = new java.util.LinkedHashMap<>();
        providers.forEach(p -> edges.put(p.id(), p.dependencies()));
        return DependencyGraph.cycle(edges);
    }
}
