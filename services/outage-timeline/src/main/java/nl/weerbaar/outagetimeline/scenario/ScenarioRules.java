package nl.weerbaar.outagetimeline.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.scenario.DependencyGraph;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.contracts.scenario.StatusEffect;
import nl.weerbaar.kit.geo.Distance;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioInject;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioPhase;
import nl.weerbaar.outagetimeline.scenario.Scenario.ScenarioProvider;

/**
 * What the schema cannot say: ids are unique, references point at something that exists, times lie within the
 * scenario and agree with their bands, bands of hours run forwards, restoration stages agree with their places, NSPs
 * lie near their places, and the providers' dependencies have no cycle (a cycle is reported, never followed).
 */
final class ScenarioRules {

    /** Farther than this from its place, an NSP's coordinates are a mistake (another region, lat and lon swapped). */
    static final int MAX_NSP_KM_FROM_PLACE = 25;

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
        Set<String> messages = messages(s, providers, lineOf, problems);
        objectives(s, places, providers, messages, lineOf, problems);
        Map<String, Place> placesById = new java.util.HashMap<>();
        s.places().forEach(place -> placesById.putIfAbsent(place.id(), place));
        for (int i = 0; i < s.nsps().size(); i++) {
            NspSite nsp = s.nsps().get(i);
            known(places, nsp.placeId(), "place", "$.nsps[" + i + "].placeId", lineOf, problems);
            Place place = placesById.get(nsp.placeId());
            if (place != null && Distance.km(nsp.lat(), nsp.lon(), place.lat(), place.lon()) > MAX_NSP_KM_FROM_PLACE) {
                add(problems, lineOf, "$.nsps[" + i + "].lat", "lies %.0f km from its place '%s'; an NSP lies within %d km"
                        .formatted(Distance.km(nsp.lat(), nsp.lon(), place.lat(), place.lon()), place.id(),
                                MAX_NSP_KM_FROM_PLACE));
            }
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
            String band = ScenarioTime.band(inject.offsetSeconds());
            if (inject.band() != null && !inject.band().equals(band)) {
                add(problems, lineOf, at + ".band", "band '" + inject.band() + "' does not match at " + inject.at()
                        + ", which lies in band '" + band + "'");
            }
            if (inject.statusEffect() != null) {
                stages(inject.statusEffect(), placesById, at + ".statusEffect", lineOf, problems);
            }
        }
        if (s.population() != null) {
            hours("$.population.bands", s.population().bands(), Scenario.DemandBand::fromHour,
                    Scenario.DemandBand::toHour, s, lineOf, problems);
        }
        if (s.volunteers() != null) {
            hours("$.volunteers.availability", s.volunteers().availability(), Scenario.Availability::fromHour,
                    Scenario.Availability::toHour, s, lineOf, problems);
        }
        for (int i = 0; i < s.phases().size(); i++) {
            within(s, s.phases().get(i).offsetSeconds(), "$.phases[" + i + "].at", lineOf, problems);
        }
        long inPlaces = s.places().stream().mapToLong(Place::inhabitants).sum();
        if (s.regionInhabitants() != null && s.regionInhabitants() < inPlaces) {
            add(problems, lineOf, "$.regionInhabitants", "the region has fewer inhabitants (" + s.regionInhabitants()
                    + ") than its places (" + inPlaces + ")");
        }
        if (s.start() != null) {
            try {
                s.start().at(0);
            } catch (java.time.DateTimeException e) {
                add(problems, lineOf, "$.start.date", "'" + s.start().date() + "' is not a date in the calendar");
            }
        }
        cycle(s.providers()).ifPresent(cycle -> add(problems, lineOf, "$.providers",
                "the dependencies form a cycle: " + String.join(" -> ", cycle)));
    }

    /** A status effect's places exist, and a restoration stage names only places restored in that stage. */
    private static void stages(StatusEffect effect, Map<String, Place> places, String at, ToIntFunction<String> lineOf,
                               List<ScenarioProblem> problems) {
        if (effect.share() != null && !"down".equals(effect.effect()) && !"degraded".equals(effect.effect())) {
            add(problems, lineOf, at + ".share", "a share of the households applies to down and degraded, not to "
                    + effect.effect());
        }
        for (String placeId : list(effect.places())) {
            Place place = places.get(placeId);
            if (place == null) {
                add(problems, lineOf, at + ".places", "unknown place '" + placeId + "'");
            } else if (effect.stage() != null && place.restorationStage() != null
                    && !effect.stage().equals(place.restorationStage())) {
                add(problems, lineOf, at + ".places", "place '" + placeId + "' is restored in stage "
                        + place.restorationStage() + ", not in stage " + effect.stage());
            }
        }
    }

    /** Bands of hours run forwards and lie within the scenario. */
    private static <T> void hours(String list, List<T> bands, ToIntFunction<T> from, ToIntFunction<T> to, Scenario s,
                                  ToIntFunction<String> lineOf, List<ScenarioProblem> problems) {
        for (int i = 0; i < list(bands).size(); i++) {
            T band = bands.get(i);
            String at = list + "[" + i + "]";
            if (from.applyAsInt(band) >= to.applyAsInt(band)) {
                add(problems, lineOf, at + ".toHour", "toHour " + to.applyAsInt(band) + " must lie after fromHour "
                        + from.applyAsInt(band));
            }
            if (from.applyAsInt(band) >= s.durationHours()) {
                add(problems, lineOf, at + ".fromHour", "lies after the end of the scenario (" + s.durationHours()
                        + " h)");
            } else if (to.applyAsInt(band) > s.durationHours()) {
                add(problems, lineOf, at + ".toHour", "lies after the end of the scenario (" + s.durationHours()
                        + " h)");
            }
        }
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

    /** Role players' messages: unique ids, within the scenario, speaking for providers it has. */
    private static Set<String> messages(Scenario s, Set<String> providers, ToIntFunction<String> lineOf,
                                        List<ScenarioProblem> problems) {
        Set<String> ids = unique("messages", s.messages(), Scenario.ScenarioMessage::id, lineOf, problems);
        for (int i = 0; i < s.messages().size(); i++) {
            Scenario.ScenarioMessage m = s.messages().get(i);
            String at = "$.messages[" + i + "]";
            within(s, m.offsetSeconds(), at + ".at", lineOf, problems);
            if (m.providerId() != null) {
                known(providers, m.providerId(), "provider", at + ".providerId", lineOf, problems);
            }
        }
        return ids;
    }

    /** Objectives name providers, NSPs, places and messages the scenario has; their ids are unique. */
    private static void objectives(Scenario s, Set<String> places, Set<String> providers, Set<String> messages,
                                   ToIntFunction<String> lineOf, List<ScenarioProblem> problems) {
        List<nl.weerbaar.contracts.scenario.Objective> objectives = list(s.objectives());
        unique("objectives", objectives, nl.weerbaar.contracts.scenario.Objective::id, lineOf, problems);
        Set<String> nsps = new java.util.HashSet<>();
        s.nsps().forEach(n -> nsps.add(n.id()));
        for (int i = 0; i < objectives.size(); i++) {
            objective(objectives.get(i), "$.objectives[" + i + "]", places, providers, nsps, messages, lineOf,
                    problems);
        }
    }

    /** A trainer's objective set during the exercise: what the scenario's own would be checked for. */
    static List<ScenarioProblem> objective(Scenario s, nl.weerbaar.contracts.scenario.Objective o) {
        List<ScenarioProblem> problems = new java.util.ArrayList<>();
        Set<String> nsps = new java.util.HashSet<>();
        s.nsps().forEach(n -> nsps.add(n.id()));
        Set<String> places = new java.util.HashSet<>();
        s.places().forEach(p -> places.add(p.id()));
        Set<String> providers = new java.util.HashSet<>();
        s.providers().forEach(p -> providers.add(p.id()));
        Set<String> messages = new java.util.HashSet<>();
        s.messages().forEach(m -> messages.add(m.id()));
        objective(o, "$", places, providers, nsps, messages, path -> 0, problems);
        return problems;
    }

    private static void objective(nl.weerbaar.contracts.scenario.Objective o, String at, Set<String> places,
                                  Set<String> providers, Set<String> nsps, Set<String> messages,
                                  ToIntFunction<String> lineOf, List<ScenarioProblem> problems) {
        if (o.after().providerId() != null) {
            known(providers, o.after().providerId(), "provider", at + ".after.providerId", lineOf, problems);
        }
        if (o.expect().providerId() != null) {
            known(providers, o.expect().providerId(), "provider", at + ".expect.providerId", lineOf, problems);
        }
        if (o.expect().nspId() != null) {
            known(nsps, o.expect().nspId(), "NSP", at + ".expect.nspId", lineOf, problems);
        }
        if (o.expect().placeId() != null) {
            known(places, o.expect().placeId(), "place", at + ".expect.placeId", lineOf, problems);
        }
        if (o.after().messageId() != null) {
            known(messages, o.after().messageId(), "message", at + ".after.messageId", lineOf, problems);
        } else if (nl.weerbaar.contracts.scenario.Objective.After.MESSAGE.equals(o.after().event())) {
            add(problems, lineOf, at + ".after", "after a message names its messageId");
        }
        if (o.expect().answer() != null) {
            known(messages, o.expect().answer(), "message", at + ".expect.answer", lineOf, problems);
        }
        int asked = (o.expect().decision() != null ? 1 : 0) + (o.expect().nspOpen() != null ? 1 : 0)
                + (o.expect().never() != null ? 1 : 0) + (o.expect().answer() != null ? 1 : 0);
        if (asked != 1) {
            add(problems, lineOf, at + ".expect", "expect one of decision, nspOpen, never or answer");
        }
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
