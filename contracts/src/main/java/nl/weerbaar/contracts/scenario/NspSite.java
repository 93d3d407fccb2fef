package nl.weerbaar.contracts.scenario;

import java.util.List;

/** Where a noodsteunpunt can open; kind local or coordinating. */
public record NspSite(String id, String name, String kind, String placeId, String address, double lat, double lon,
                      int capacity, List<String> facilities, String operator) {
}
