package nl.weerbaar.burgerhulp.coordination;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.weerbaar.burgerhulp.matching.Phones;
import nl.weerbaar.contracts.vital.ProviderState;

/**
 * Where the phones work, from the telecom providers' places and outages: a place has phones while one provider
 * serving it is not down there. A provider's places and outage are kept as the scenario and vital-status give them,
 * with "all" written as an empty list, so a national network (1,800 places) costs nothing in the exercise's entry.
 */
final class PhoneCoverage {

    private PhoneCoverage() {
    }

    /** The places a provider serves as kept: none listed (or every place of the scenario) means all of them. */
    static List<String> served(List<String> places, int placeCount) {
        return places.isEmpty() || new HashSet<>(places).size() >= placeCount ? List.of() : List.copyOf(places);
    }

    /**
     * Where a provider is out after a status change: null while it works (anything but down), an empty list when
     * down everywhere it serves, else the places it is down in.
     */
    static List<String> out(ProviderState state, List<String> affectedPlaces, List<String> served, int placeCount) {
        if (state != ProviderState.DOWN) {
            return null;
        }
        List<String> affected = affectedPlaces == null ? List.of() : affectedPlaces;
        Set<String> scope = served.isEmpty() ? null : Set.copyOf(served);
        List<String> out = affected.stream().filter(p -> scope == null || scope.contains(p)).distinct().toList();
        boolean everywhere = out.isEmpty() || out.size() >= (scope == null ? placeCount : scope.size());
        return everywhere ? List.of() : out;
    }

    /**
     * Where the phones work, given each phone provider's places ({@code served}; a provider not in it serves all)
     * and where each is out ({@code out}; absent: working).
     */
    static Phones of(Set<String> providers, Map<String, List<String>> served, Map<String, List<String>> out,
                     int placeCount) {
        Set<String> without = null; // where every all-serving provider is out, while one of them works somewhere
        Set<String> with = new TreeSet<>(); // where providers serving listed places work
        for (String id : providers) {
            List<String> places = served.getOrDefault(id, List.of());
            List<String> down = out.get(id);
            if (places.isEmpty()) {
                if (down == null) {
                    return Phones.EVERYWHERE;
                }
                if (!down.isEmpty()) {
                    Set<String> here = new TreeSet<>(down);
                    if (without != null) {
                        here.retainAll(without);
                    }
                    without = here;
                }
            } else if (down == null || !down.isEmpty()) {
                List<String> working = new ArrayList<>(places);
                if (down != null) {
                    working.removeAll(down);
                }
                with.addAll(working);
            }
        }
        if (without != null) {
            without.removeAll(with);
            return new Phones(true, new TreeSet<>(without));
        }
        return with.size() >= placeCount && placeCount > 0 ? Phones.EVERYWHERE : new Phones(false, new TreeSet<>(with));
    }
}
