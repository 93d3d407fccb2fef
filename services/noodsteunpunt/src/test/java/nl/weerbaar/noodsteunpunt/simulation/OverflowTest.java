package nl.weerbaar.noodsteunpunt.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.OccupancyThresholdCrossed;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.noodsteunpunt.NspTestSupport;
import org.junit.jupiter.api.Test;

/**
 * More households than places, through the real services: the population fills the nearest NSP, overflows to the
 * next one (the check-ins say from where), and the rest is visibly without a place.
 */
@WeerbaarIntegrationTest
class OverflowTest extends NspTestSupport {

    @Test
    void householdsOverflowToTheNextNspAndTheRestIsVisiblyWithoutAPlace() throws Exception {
        String id = play("nsp-overloop-test", 600);
        await().atMost(PATIENCE).until(() -> events(id, EventType.HOUSEHOLD_UNSERVED, HouseholdUnserved.class)
                .stream().anyMatch(u -> u.reason().equals(HouseholdUnserved.ALL_FULL)));

        List<CitizenCheckedIn> ins = events(id, EventType.CITIZEN_CHECKED_IN, CitizenCheckedIn.class);
        // households of two: five fill Heesch (10 places), the next five go on to Nistelrode, from Heesch
        assertThat(ins.stream().filter(in -> in.nspId().equals("nsp-heesch"))).hasSize(5)
                .allSatisfy(in -> assertThat(in.redirectedFrom()).isNull());
        assertThat(ins.stream().filter(in -> in.nspId().equals("nsp-nistelrode")).toList()).isNotEmpty()
                .allSatisfy(in -> assertThat(in.redirectedFrom()).isEqualTo("nsp-heesch"));
        assertThat(views.history(id, "nsp-heesch")).extracting(NspStateChanged::state).contains(NspState.FULL);
        assertThat(events(id, EventType.OCCUPANCY_THRESHOLD_CROSSED, OccupancyThresholdCrossed.class))
                .filteredOn(t -> t.nspId().equals("nsp-heesch"))
                .extracting(OccupancyThresholdCrossed::thresholdPercent).containsExactly(80, 100);
        // before the NSPs were open, arrivals had nowhere to go either
        assertThat(events(id, EventType.HOUSEHOLD_UNSERVED, HouseholdUnserved.class))
                .extracting(HouseholdUnserved::reason).contains(HouseholdUnserved.NO_OPEN_NSP);
    }
}
