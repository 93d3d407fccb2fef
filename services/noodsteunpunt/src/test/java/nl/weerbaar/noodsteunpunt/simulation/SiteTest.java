package nl.weerbaar.noodsteunpunt.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The next departure of a site, kept without looking at every household present. */
class SiteTest {

    private static Site.Present household(String id, Long leaveAt) {
        return new Site.Present(id, 2, List.of(), false, "population", leaveAt);
    }

    @Test
    void theNextLeaveFollowsArrivalsAndDeparturesAlsoOfHouseholdsLeavingAtTheSameTime() {
        Site site = new Site();
        assertThat(site.nextLeave()).isNull();
        site.admit(household("a", 500L));
        site.admit(household("b", 300L));
        site.admit(household("c", 300L));
        site.admit(household("d", null)); // stays until the NSP closes
        assertThat(site.nextLeave()).isEqualTo(300);
        site.remove("b");
        assertThat(site.nextLeave()).as("c still leaves then").isEqualTo(300);
        site.remove("c");
        assertThat(site.nextLeave()).isEqualTo(500);
        site.admit(household("a", 200L)); // the same household again: its new time counts, the old one not
        assertThat(site.nextLeave()).isEqualTo(200);
        site.remove("a");
        assertThat(site.nextLeave()).isNull();

        // read from the store: the map is replaced and the next departure is found in it
        site.present = new LinkedHashMap<>();
        site.present.put("e", household("e", 900L));
        assertThat(site.nextLeave()).isEqualTo(900);
    }
}
