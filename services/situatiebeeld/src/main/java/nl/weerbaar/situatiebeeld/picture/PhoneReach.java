package nl.weerbaar.situatiebeeld.picture;

import java.util.List;
import java.util.function.Function;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.scenario.Text;

/**
 * Where volunteers can be phoned, in words that name the places: burgerhulp says it per place
 * ({@code mode} and the places where the other holds) but does not keep the places' names; the picture does.
 */
final class PhoneReach {

    private PhoneReach() {
    }

    /** The sentence for a reachability change, or {@code fallback} (burgerhulp's own) when no place is excepted. */
    static Text describe(String mode, List<String> except, Function<String, String> names, Text fallback) {
        if (except == null || except.isEmpty()) {
            return fallback;
        }
        Text places = PlaceList.of(except, names);
        String nl = places.nl();
        String en = places.en();
        return ReachabilityChanged.PHONE.equals(mode)
                ? Text.of("Telefoon werkt niet in " + nl + ": daar krijgen alleen burgerhulpverleners op een "
                + "noodsteunpunt taken, ter plekke.", "Phones are down in " + en + ": there only volunteers at a "
                + "noodsteunpunt get tasks, in person.")
                : Text.of("Telefoon werkt alleen nog in " + nl + "; elders krijgen alleen burgerhulpverleners op een "
                + "noodsteunpunt taken, ter plekke.", "Phones work only in " + en + "; elsewhere only volunteers at "
                + "a noodsteunpunt get tasks, in person.");
    }
}
