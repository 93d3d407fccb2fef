package nl.weerbaar.noodsteunpunt.simulation;

import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;

/** Two places of Bernheze, an NSP in each, and the default policies: the NSP tests' small world. */
final class NspFixtures {

    /** No ids or sectors with a meaning of their own: the providers' scenario roles say which is the grid and 112. */
    static final NspRules RULES = new NspRules(Set.of(), Set.of(), 60, 30, 30,
            120, List.of(80, 100), 90, new NspRules.Supplies(7, 6, 24, 3.5, 3, 0.25, 4));
    static final Place HEESCH = new Place("heesch", "Heesch", 51.7335, 5.5290, 2000, 800, "5384", 1);
    static final Place NISTELRODE = new Place("nistelrode", "Nistelrode", 51.7040, 5.5620, 1500, 600, "5388", 1);
    /** Near Heesch, room for 10. */
    static final NspSite NEAR = new NspSite("nsp-heesch", "NSP Heesch", "local", "heesch", "centrum", 51.7322,
            5.5266, 10, List.of("water", "generator"), "Gemeente");
    /** In Nistelrode, room for 6. */
    static final NspSite FAR = new NspSite("nsp-nistelrode", "NSP Nistelrode", "local", "nistelrode",
            "centrum", 51.7030, 5.5600, 6, List.of("water"), "Gemeente");

    private NspFixtures() {
    }
}
