package nl.weerbaar.outagetimeline.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.outagetimeline.scenario.Scenario.VolunteerModel;
import org.junit.jupiter.api.Test;

/** A region's volunteer pool as a count: spread over its places by inhabitants, adding up to the count exactly. */
class VolunteerPoolSizeTest {

    private static final List<Place> PLACES = List.of(
            new Place("heesch", "Heesch", 51.73, 5.53, 13500, 5700, "5384", 3),
            new Place("nistelrode", "Nistelrode", 51.70, 5.56, 6300, 2600, "5388", 2),
            new Place("vinkel", "Vinkel", 51.70, 5.45, 1000, 400, "5381", 1));

    private static VolunteerModel pool(Double perThousand, Integer count) {
        return new VolunteerModel(perThousand, count, Map.of("first-aid", 0.5), 0.5, List.of(0.5, 0.9), 1,
                List.of(5, 15), 1.5, List.of());
    }

    @Test
    void aCountIsSpreadByInhabitantsAndAddsUpExactly() {
        Map<String, Integer> sizes = VolunteerPoolSimulation.sizes(pool(null, 100), PLACES, null);
        assertThat(sizes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        // 20,800 inhabitants: 64.9, 30.3 and 4.8 → 65, 30, 5 by the largest remainders
        assertThat(sizes).containsExactly(Map.entry("heesch", 65), Map.entry("nistelrode", 30), Map.entry("vinkel", 5));
    }

    @Test
    void aRatePerThousandGivesEachPlaceItsOwnShare() {
        assertThat(VolunteerPoolSimulation.sizes(pool(10.0, null), PLACES, null)).containsExactly(Map.entry("heesch", 135),
                Map.entry("nistelrode", 63), Map.entry("vinkel", 10));
    }

    @Test
    void aRatePerThousandAppliesToTheWholeRegionWhenItsInhabitantsAreStated() {
        // 31,200 inhabitants, 20,800 of them in the places: 312 volunteers, spread like a count
        Map<String, Integer> sizes = VolunteerPoolSimulation.sizes(pool(10.0, null), PLACES, 31_200);
        assertThat(sizes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(312);
        assertThat(sizes).containsExactly(Map.entry("heesch", 203), Map.entry("nistelrode", 94),
                Map.entry("vinkel", 15));
        // a count stays the count
        assertThat(VolunteerPoolSimulation.sizes(pool(10.0, 100), PLACES, 31_200).values().stream()
                .mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }
}
