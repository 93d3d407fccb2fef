package nl.weerbaar.situatiebeeld.picture;

import java.util.List;
import java.util.function.Function;
import nl.weerbaar.contracts.scenario.Text;

/** Places by name as a sentence says them: "Veghel, Erp en Eerde"; beyond five "Veghel, Erp, … en 12 andere". */
final class PlaceList {

    private static final int NAMED = 5;

    private PlaceList() {
    }

    static Text of(List<String> ids, Function<String, String> names) {
        return Text.of(listed(ids, names, "en", "andere"), listed(ids, names, "and", "others"));
    }

    private static String listed(List<String> ids, Function<String, String> names, String and, String others) {
        List<String> named = ids.stream().limit(NAMED).map(names).toList();
        if (ids.size() > NAMED) {
            return String.join(", ", named) + " " + and + " " + (ids.size() - NAMED) + " " + others;
        }
        return named.size() == 1 ? named.getFirst()
                : String.join(", ", named.subList(0, named.size() - 1)) + " " + and + " " + named.getLast();
    }
}
