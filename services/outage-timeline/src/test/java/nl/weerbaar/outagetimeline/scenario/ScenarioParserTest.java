package nl.weerbaar.outagetimeline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.SchemaValidator;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private final ScenarioParser parser = new ScenarioParser(VALIDATOR);

    /** The cells of the cleaned outage table in ../shared/seeds/README.md that are not empty: sector and band. */
    private static final Set<String> TABLE_CELLS = Set.of(
            "bevolkingszorg 0-2h", "bevolkingszorg 2-4h", "bevolkingszorg 24h+",
            "brandweer 0-2h", "brandweer 2-4h", "brandweer 4-24h", "brandweer 24h+",
            "ghor 0-2h", "ghor 4-24h", "ghor 24h+",
            "politie 0-2h", "politie 4-24h", "politie 24h+",
            "meldkamer 0-2h",
            "netbeheer 0-2h", "netbeheer 4-24h", "netbeheer 24h+",
            "gas 0-2h", "gas 24h+",
            "wegen 0-2h", "wegen 2-4h", "wegen 4-24h",
            "vaarwegen 0-2h", "vaarwegen 2-4h",
            "waterschap 0-2h", "waterschap 24h+",
            "drinkwater 0-2h",
            "spoor 0-2h", "spoor 2-4h",
            "telecom 0-2h", "telecom 2-4h", "telecom 4-24h",
            "brandstof 0-2h", "brandstof 24h+",
            "algemeen 2-4h", "algemeen 4-24h", "algemeen 24h+");

    @Test
    void theDefaultScenarioHasAnInjectForEveryCellOfTheOutageTableInsideItsBand() throws IOException {
        Scenario s = parser.parse(resource("scenarios/bernheze-stroomuitval.yaml"));
        assertThat(s.durationHours()).isEqualTo(72);
        Set<String> cells = s.injects().stream().filter(i -> i.band() != null)
                .map(i -> i.sector() + " " + i.band()).collect(Collectors.toSet());
        assertThat(cells).containsExactlyInAnyOrderElementsOf(TABLE_CELLS);
        s.injects().stream().filter(i -> i.band() != null)
                .forEach(i -> assertThat(ScenarioTime.band(i.offsetSeconds())).as(i.id()).isEqualTo(i.band()));
        assertThat(s.injects()).allMatch(i -> i.effect().en() != null && !i.effect().en().isBlank());
        assertThat(s.providers()).extracting(Scenario.ScenarioProvider::sector)
                .contains("netbeheer", "gas", "drinkwater", "waterschap", "wegen", "vaarwegen", "spoor", "telecom",
                        "ghor", "meldkamer", "brandstof", "politie", "brandweer", "bevolkingszorg");
        assertThat(s.nsps()).filteredOn(n -> n.kind().equals("local")).hasSize(6);
    }

    @Test
    void theWorldPopulationAndVolunteersAreValidEventsAndDependOnlyOnTheSeed() throws IOException {
        Scenario s = parser.parse(resource("scenarios/bernheze-stroomuitval.yaml"));
        var world = ScenarioWorld.resolve(s, "oef-1", 7);
        assertThat(VALIDATOR.validatePayload(EventType.SCENARIO_LOADED, EventJson.mapper().valueToTree(world))).isEmpty();
        double masts = world.providers().stream().filter(p -> p.id().equals("mobiel-netwerk")).findFirst()
                .orElseThrow().backup().autonomyHours();
        assertThat(masts).isBetween(2.0, 4.0);
        var demand = PopulationSimulation.hour(s, "oef-1", 7, 30).orElseThrow();
        assertThat(VALIDATOR.validatePayload(EventType.POPULATION_DEMAND, EventJson.mapper().valueToTree(demand))).isEmpty();
        assertThat(demand.places()).hasSize(6);
        assertThat(demand.places().stream().mapToInt(p -> p.arrivals().size()).sum()).isPositive();
        assertThat(PopulationSimulation.hour(s, "oef-1", 7, 30)).contains(demand);
        assertThat(PopulationSimulation.hour(s, "oef-1", 8, 30)).isNotEqualTo(java.util.Optional.of(demand));
        int volunteers = 0;
        for (int h = 0; h < 72; h++) {
            var available = VolunteerPoolSimulation.hour(s, "oef-1", 7, h);
            if (available.isPresent()) {
                assertThat(VALIDATOR.validatePayload(EventType.VOLUNTEERS_AVAILABLE,
                        EventJson.mapper().valueToTree(available.get()))).isEmpty();
                volunteers += available.get().volunteers().size();
            }
        }
        // about 10 per 1,000 of 32,800 inhabitants, 80 % of whom make themselves available
        assertThat(volunteers).isBetween(200, 330);
    }

    @Test
    void theWinterScenarioForAnotherRegionUsesTheWholeFormat() throws IOException {
        Scenario s = parser.parse(resource("scenarios/meierijstad-winterstoring.yaml"));
        assertThat(s.start().at(0)).hasToString("2027-01-14T17:30");
        assertThat(s.weather().temperatureC()).isEqualTo(-5.0);
        assertThat(s.places()).hasSize(8);
        assertThat(s.regionInhabitants()).isEqualTo(83_000);
        // its own ids: the services know 112, masts, lines, fuel and grid by role alone
        assertThat(s.providers()).extracting(Scenario.ScenarioProvider::id)
                .doesNotContain("alarmnummer-112", "mobiel-netwerk", "vaste-telefonie", "tankstations", "enexis-net");
        assertThat(s.providers()).extracting(Scenario.ScenarioProvider::role).contains("grid", "emergency-number",
                "mobile-network", "fixed-network", "fuel-supply");
        assertThat(s.providers()).filteredOn(p -> "mobile-network".equals(p.role())).hasSize(2);
        assertThat(s.injects()).anyMatch(i -> i.statusEffect() != null && i.statusEffect().share() != null
                && "degraded".equals(i.statusEffect().effect()))
                .anyMatch(i -> i.statusEffect() != null && "backup-failed".equals(i.statusEffect().effect()));
        assertThat(s.volunteers().count()).isEqualTo(600);
        assertThat(s.nspPolicy().openAfterPowerDownMinutes()).isEqualTo(45);
        var world = ScenarioWorld.resolve(s, "oef-1", 7);
        assertThat(world.start()).isEqualTo(s.start());
        assertThat(VALIDATOR.validatePayload(EventType.SCENARIO_LOADED, EventJson.mapper().valueToTree(world))).isEmpty();
    }

    @Test
    void schemaErrorsNameTheLineAndTheField() {
        String yaml = """
                id: kapot
                name: Kapot
                region: Bernheze
                seed: 1
                sectors: [{ id: telecom, name: { nl: Telecom } }]
                places: [{ id: heesch, name: Heesch, lat: 51.7, lon: 5.5, inhabitants: 10, households: 4, postcode: '5384' }]
                providers: []
                injects:
                  - id: a
                    at: '1:00'
                    sector: telecom
                    severity: loud
                    effect: { nl: Storing }
                """;
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            ScenarioProblem problem = e.problems().getFirst();
            assertThat(problem.field()).isEqualTo("$.injects[0].severity");
            assertThat(problem.line()).isEqualTo(12);
        });
    }

    @Test
    void unknownReferencesTimesAfterTheEndAndDependencyCyclesAreReported() {
        String yaml = twoHours("kringetje", "Kringetje") + """
                providers:
                  - { id: a, name: A, sector: telecom, dependsOn: [b], backup: { kind: none, autonomyHours: 0 } }
                  - { id: b, name: B, sector: telecom, dependsOn: [c], backup: { kind: none, autonomyHours: 0 } }
                  - { id: c, name: C, sector: telecom, dependsOn: [a], backup: { kind: none, autonomyHours: 0 } }
                injects:
                  - { id: x, at: '3:00', sector: water, severity: minor, effect: { nl: Laat } }
                """;
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
            List<String> messages = e.problems().stream().map(ScenarioProblem::toString).toList();
            assertThat(messages).contains("line 13, $.injects[0].sector: unknown sector 'water'",
                    "line 13, $.injects[0].at: lies after the end of the scenario (2 h)",
                    "line 8, $.providers: the dependencies form a cycle: a -> b -> c -> a");
        });
    }

    /** The first seven lines of a two-hour scenario with one sector and one place. */
    private static String twoHours(String id, String name) {
        return """
                id: %s
                name: %s
                region: Bernheze
                durationHours: 2
                seed: 1
                sectors: [{ id: telecom, name: { nl: Telecom } }]
                places: [{ id: heesch, name: Heesch, lat: 51.7, lon: 5.5, inhabitants: 10, households: 4, postcode: '5384' }]
                """.formatted(id, name);
    }

    @Test
    void objectivesNameWhatTheScenarioHasAndExpectOneThing() {
        String yaml = twoHours("doelen", "Doelen") + """
                providers:
                  - { id: a, name: A, sector: telecom, backup: { kind: none, autonomyHours: 0 } }
                objectives:
                  - { id: d1, text: { nl: Een }, after: { event: start }, expect: { decision: fuel-priority, providerId: z }, withinMinutes: 60 }
                  - { id: d2, text: { nl: Twee }, after: { event: nsp-open }, expect: { decision: grip, never: help-escalated }, withinMinutes: 60 }
                  - { id: d3, text: { nl: Drie }, after: { event: blackout }, expect: { nspOpen: any }, withinMinutes: 60 }
                  - { id: d4, text: { nl: Vier }, after: { event: message, messageId: vraag }, expect: { answer: nergens }, withinMinutes: 30 }
                messages:
                  - { id: vraag, at: "0:20", from: A, providerId: b, text: { nl: "Hoe lang nog?" } }
                  - { id: laat, at: "3:00", from: A, text: { nl: Te laat } }
                injects: []
                """;
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
            List<String> messages = e.problems().stream().map(ScenarioProblem::toString).toList();
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("line 13, $.objectives[2].after.event"));
        });
        String semantic = yaml.replace("{ event: blackout }", "{ event: start }");
        assertThatThrownBy(() -> parser.parse(semantic)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
            List<String> messages = e.problems().stream().map(ScenarioProblem::toString).toList();
            assertThat(messages).contains("line 11, $.objectives[0].expect.providerId: unknown provider 'z'",
                    "line 12, $.objectives[1].expect: expect one of decision, nspOpen, never or answer",
                    "line 14, $.objectives[3].expect.answer: unknown message 'nergens'",
                    "line 16, $.messages[0].providerId: unknown provider 'b'",
                    "line 17, $.messages[1].at: lies after the end of the scenario (2 h)");
        });
    }

    @Test
    void unknownFieldsAreReportedAtTheirOwnLines() {
        String yaml = """
                id: tikfout
                name: Tikfout
                region: Bernheze
                seed: 1
                sectors: [{ id: netbeheer, name: { nl: Netbeheer } }]
                places:
                  - { id: heesch, name: Heesch, lat: 51.7, lon: 5.5, inhabitants: 10, households: 4, postcode: '5384',
                      inwoners: 12 }
                nsps:
                  - { id: nsp-a, name: A, kind: local, placeId: heesch, lat: 51.7, lon: 5.5, capacity: 10, capaciteit: 20 }
                providers: [{ id: net, name: Net, sector: netbeheer, backup: { kind: none, autonomyHours: 0 } }]
                injects:
                  - { id: x, at: '0:10', sector: netbeheer, severity: minor, effect: { nl: Uit },
                      statusEffect: { effect: down, providerId: net, uur: 3 } }
                weer: koud
                starttijd: '17:30'
                """;
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
            List<String> where = e.problems().stream().map(p -> "line " + p.line() + ", " + p.field()).toList();
            assertThat(where).containsExactlyInAnyOrder("line 8, $.places[0].inwoners", "line 10, $.nsps[0].capaciteit",
                    "line 14, $.injects[0].statusEffect.uur", "line 15, $.weer", "line 16, $.starttijd");
        });
    }

    @Test
    void bandsHoursStagesAndNspsThatContradictTheScenarioAreReported() {
        String yaml = """
                id: tegenspraak
                name: Tegenspraak
                region: Bernheze
                durationHours: 12
                seed: 1
                sectors: [{ id: netbeheer, name: { nl: Netbeheer } }]
                places:
                  - { id: heesch, name: Heesch, lat: 51.7, lon: 5.5, inhabitants: 10, households: 4, postcode: '5384', restorationStage: 1 }
                  - { id: vinkel, name: Vinkel, lat: 51.7, lon: 5.4, inhabitants: 10, households: 4, postcode: '5382', restorationStage: 2 }
                nsps:
                  - { id: nsp-a, name: A, kind: local, placeId: heesch, lat: 52.37, lon: 4.89, capacity: 10 }
                providers: [{ id: net, name: Net, sector: netbeheer, backup: { kind: none, autonomyHours: 0 } }]
                injects:
                  - { id: x, at: '3:00', band: 0-2h, sector: netbeheer, severity: minor, effect: { nl: Uit } }
                  - { id: y, at: '8:00', band: 4-24h, sector: netbeheer, severity: minor, effect: { nl: Terug },
                      statusEffect: { effect: restored, providerId: net, stage: 1, places: [heesch, vinkel, oss], share: 0.5 } }
                population:
                  householdSizes: { '1': 1.0 }
                  lessSelfReliantShare: 0.1
                  bands:
                    - { fromHour: 6, toHour: 2, inNeedPerThousandPerHour: 1, arrivalShare: 0.5, needs: { shelter: 1.0 } }
                    - { fromHour: 12, toHour: 24, inNeedPerThousandPerHour: 1, arrivalShare: 0.5, needs: { shelter: 1.0 } }
                start: { date: '2027-02-30', time: '17:30' }
                regionInhabitants: 5
                """;
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
            List<String> messages = e.problems().stream().map(ScenarioProblem::toString).toList();
            assertThat(messages).containsExactlyInAnyOrder(
                    "line 23, $.start.date: '2027-02-30' is not a date in the calendar",
                    "line 24, $.regionInhabitants: the region has fewer inhabitants (5) than its places (20)",
                    "line 11, $.nsps[0].lat: lies 85 km from its place 'heesch'; an NSP lies within 25 km",
                    "line 14, $.injects[0].band: band '0-2h' does not match at 3:00, which lies in band '2-4h'",
                    "line 16, $.injects[1].statusEffect.places: place 'vinkel' is restored in stage 2, not in stage 1",
                    "line 16, $.injects[1].statusEffect.places: unknown place 'oss'",
                    "line 16, $.injects[1].statusEffect.share: a share of the households applies to down and degraded, not to restored",
                    "line 21, $.population.bands[0].toHour: toHour 2 must lie after fromHour 6",
                    "line 22, $.population.bands[1].fromHour: lies after the end of the scenario (12 h)");
        });
    }

    @Test
    void yamlAnchorsAndAliasesAreRefusedSayingSo() {
        String yaml = """
                id: alias
                name: Alias
                region: Bernheze
                seed: 1
                sectors: &alle [{ id: netbeheer, name: { nl: Netbeheer } }]
                places: *alle
                """;
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOfSatisfying(InvalidScenarioException.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().getFirst().line()).isEqualTo(5);
            assertThat(e.problems().getFirst().message())
                    .contains("YAML anchors and aliases (&name, *name) are not supported at $.sectors");
        });
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> parser.parse("id: x\nname: [unclosed\nregion: y\n"))
                .isInstanceOfSatisfying(InvalidScenarioException.class,
                        e -> assertThat(e.problems().getFirst().message()).startsWith("no valid YAML"));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ScenarioParserTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
