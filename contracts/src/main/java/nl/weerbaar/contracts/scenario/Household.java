package nl.weerbaar.contracts.scenario;

import java.util.List;

/** A household that turns to a noodsteunpunt; a reference, never a name or an address. */
public record Household(String ref, int size, List<String> needs, boolean lessSelfReliant, String postcode) {
}
