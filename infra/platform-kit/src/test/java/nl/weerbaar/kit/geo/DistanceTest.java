package nl.weerbaar.kit.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistanceTest {

    @Test
    void aDegreeOfLatitudeIsAbout111KmAndADegreeOfLongitudeLessInTheNetherlands() {
        assertThat(Distance.km(51.0, 5.0, 52.0, 5.0)).isCloseTo(111.2, within(0.1));
        assertThat(Distance.km(52.0, 5.0, 52.0, 6.0)).isCloseTo(68.5, within(0.2));
    }

    @Test
    void theLatitudeBoundNeverExceedsTheDistanceAndIsTheDistanceAlongAMeridian() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            double lat1 = 50.7 + random.nextDouble() * 2.9;
            double lat2 = 50.7 + random.nextDouble() * 2.9;
            double lon1 = 3.3 + random.nextDouble() * 4.0;
            double lon2 = 3.3 + random.nextDouble() * 4.0;
            assertThat(Distance.atLeastKm(lat1, lat2)).isLessThanOrEqualTo(Distance.km(lat1, lon1, lat2, lon2) + 1e-9);
        }
        assertThat(Distance.atLeastKm(51.0, 52.0)).isCloseTo(Distance.km(51.0, 5.0, 52.0, 5.0), within(1e-6));
    }
}
