package nl.weerbaar.outagetimeline.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.scenario.Place;
import org.junit.jupiter.api.Test;

/** A region of any size from a few numbers: valid by the same rules as an upload, the same for the same request. */
class ScenarioGeneratorTest {

    private final ScenarioParser parser = new ScenarioParser(new SchemaValidator());

    @Test
    void aBrabantNoordSizedRegionIsAValidScenarioWithEveryPlaceServedAndRestored() {
        ScenarioGenerator.Request request = new ScenarioGenerator.Request("brabant-noord-groot", "Brabant-Noord (gegenereerd)",
                60, 660_000, 2, 12.0, 10, 7);
        Scenario scenario = parser.parse(ScenarioGenerator.yaml(request));

        assertThat(scenario.places()).hasSize(60);
        assertThat(scenario.places().stream().mapToLong(Place::inhabitants).sum()).isEqualTo(660_000);
        assertThat(scenario.places().stream().mapToLong(Place::inhabitants).max().orElseThrow())
                .as("towns and villages, not 60 equal places")
                .isGreaterThan(3 * scenario.places().stream().mapToLong(Place::inhabitants).min()
                        .orElseThrow());
        assertThat(scenario.nsps()).hasSize(121);
        assertThat(scenario.nsps().stream().filter(n -> n.kind().equals("coordinating"))).hasSize(1);
        // the grid's restoration names every place once, in its own stage
        assertThat(scenario.injects().stream().filter(i -> i.statusEffect() != null
                        && i.statusEffect().places() != null).flatMap(i -> i.statusEffect().places().stream()))
                .hasSize(60).doesNotHaveDuplicates();
        assertThat(scenario.injects()).hasSize(41);
    }

    @Test
    void theSameRequestGivesTheSameFileAndAnotherSeedAnotherRegion() {
        ScenarioGenerator.Request request = new ScenarioGenerator.Request("r", "R", 12, 50_000, 1, null, 10, 1);
        assertThat(ScenarioGenerator.yaml(request)).isEqualTo(ScenarioGenerator.yaml(request));
        assertThat(ScenarioGenerator.yaml(new ScenarioGenerator.Request("r", "R", 12, 50_000, 1, null, 10, 2)))
                .isNotEqualTo(ScenarioGenerator.yaml(request));
    }

    @Test
    void theNspsOfAPlaceHoldTheAskedShareOfItsInhabitants() {
        for (int perThousand : new int[] {10, 25}) {
            Scenario scenario = parser.parse(ScenarioGenerator.yaml(new ScenarioGenerator.Request("r", "R", 6,
                    600_000, 2, null, perThousand, 3)));
            for (Place place : scenario.places()) {
                long capacity = scenario.nsps().stream().filter(n -> n.kind().equals("local")
                        && n.placeId().equals(place.id())).mapToLong(n -> n.capacity()).sum();
                // each of the two rounds down; a small place's NSPs hold at least 30 each
                long asked = place.inhabitants() * perThousand / 1000;
                assertThat(capacity).as("%s with %d inhabitants, %d per 1,000", place.id(), place.inhabitants(),
                        perThousand).isBetween(asked >= 60 ? asked - 2 : 60, Math.max(asked, 60));
            }
        }
    }

    @Test
    void fewerInhabitantsThanPlacesIsRefused() {
        assertThatThrownBy(() -> ScenarioGenerator.yaml(new ScenarioGenerator.Request("r", "R", 10, 5, 1, null, 10, 1)))
                .hasMessageContaining("too few inhabitants");
    }
}
