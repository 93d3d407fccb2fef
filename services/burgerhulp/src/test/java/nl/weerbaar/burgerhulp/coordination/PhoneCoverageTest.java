package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.weerbaar.burgerhulp.matching.Phones;
import nl.weerbaar.contracts.vital.ProviderState;
import org.junit.jupiter.api.Test;

/**
 * Where the phones work, from providers per part of a region (the Meierijstad scenario: masts for the north and for
 * the south with their own batteries, fixed lines everywhere).
 */
class PhoneCoverageTest {

    private static final List<String> ALL = List.of("veghel", "schijndel", "sint-oedenrode", "erp", "eerde",
            "zijtaart", "mariaheide", "boerdonk");
    private static final List<String> NORTH = List.of("veghel", "erp", "eerde", "zijtaart", "mariaheide", "boerdonk");
    private static final List<String> SOUTH = List.of("schijndel", "sint-oedenrode");
    private static final Set<String> PROVIDERS = Set.of("masten-noord", "masten-zuid", "vaste-lijnen");

    private final Map<String, List<String>> served = new LinkedHashMap<>(Map.of(
            "masten-noord", PhoneCoverage.served(NORTH, ALL.size()),
            "masten-zuid", PhoneCoverage.served(SOUTH, ALL.size()),
            "vaste-lijnen", PhoneCoverage.served(ALL, ALL.size())));
    private final Map<String, List<String>> out = new LinkedHashMap<>();

    private Phones down(String provider, List<String> affected) {
        out.put(provider, PhoneCoverage.out(ProviderState.DOWN, affected, served.get(provider), ALL.size()));
        return PhoneCoverage.of(PROVIDERS, served, out, ALL.size());
    }

    private Phones back(String provider) {
        assertThat(PhoneCoverage.out(ProviderState.RESTORED, List.of(), served.get(provider), ALL.size())).isNull();
        out.remove(provider);
        return PhoneCoverage.of(PROVIDERS, served, out, ALL.size());
    }

    @Test
    void aProviderServingEveryPlaceIsKeptAsAllAndOnlyItsOwnPlacesOtherwise() {
        assertThat(served.get("vaste-lijnen")).isEmpty();
        assertThat(served.get("masten-zuid")).containsExactlyElementsOf(SOUTH);
        assertThat(PhoneCoverage.out(ProviderState.ON_BACKUP, ALL, List.of(), ALL.size())).isNull();
        assertThat(PhoneCoverage.out(ProviderState.DOWN, SOUTH, List.of(), ALL.size())).containsExactlyElementsOf(SOUTH);
        assertThat(PhoneCoverage.out(ProviderState.DOWN, NORTH, NORTH, ALL.size())).isEmpty();
        assertThat(PhoneCoverage.out(ProviderState.DOWN, List.of(), NORTH, ALL.size())).isEmpty();
    }

    @Test
    void thePhonesFailPartByPartAsTheMastsRunDownAndComeBackWithTheirPartOfTheGrid() {
        assertThat(PhoneCoverage.of(PROVIDERS, served, out, ALL.size())).isEqualTo(Phones.EVERYWHERE);
        // fixed lines first (half an hour): the masts still carry every place
        assertThat(down("vaste-lijnen", ALL)).isEqualTo(Phones.EVERYWHERE);
        // the north's masts run down: phones only in the south
        Phones southOnly = down("masten-noord", NORTH);
        assertThat(southOnly).isEqualTo(new Phones(false, new TreeSet<>(SOUTH)));
        assertThat(southOnly.in("schijndel")).isTrue();
        assertThat(southOnly.in("veghel")).isFalse();
        assertThat(southOnly.anywhere()).isTrue();
        assertThat(southOnly.everywhere()).isFalse();
        assertThat(down("masten-zuid", SOUTH)).isEqualTo(Phones.NOWHERE);
        assertThat(back("masten-zuid")).isEqualTo(southOnly);
        assertThat(back("masten-noord")).isEqualTo(Phones.EVERYWHERE);
    }

    @Test
    void aProviderServingEveryPlaceDownInSomeLeavesPhonesEverywhereElse() {
        Phones partly = down("vaste-lijnen", List.of("erp", "boerdonk"));
        assertThat(partly).isEqualTo(Phones.EVERYWHERE); // the masts still work there
        down("masten-noord", NORTH);
        Phones withoutTwo = PhoneCoverage.of(PROVIDERS, served, out, ALL.size());
        assertThat(withoutTwo).isEqualTo(new Phones(true, new TreeSet<>(List.of("boerdonk", "erp"))));
        assertThat(withoutTwo.in("veghel")).isTrue();
        assertThat(withoutTwo.in("erp")).isFalse();
        // a volunteer whose place is not known can be phoned while the phones work anywhere
        assertThat(withoutTwo.in(null)).isTrue();
        assertThat(Phones.NOWHERE.in(null)).isFalse();
    }

    @Test
    void withoutAScenarioEveryProviderServesAllAndOneWorkingIsEnough() {
        Map<String, List<String>> none = Map.of();
        Map<String, List<String>> oneDown = Map.of("mobiel-netwerk",
                PhoneCoverage.out(ProviderState.DOWN, List.of(), List.of(), 0));
        assertThat(PhoneCoverage.of(Set.of("mobiel-netwerk", "vaste-telefonie"), none, oneDown, 0))
                .isEqualTo(Phones.EVERYWHERE);
        assertThat(PhoneCoverage.of(Set.of("mobiel-netwerk"), none, oneDown, 0)).isEqualTo(Phones.NOWHERE);
    }
}
