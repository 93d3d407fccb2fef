package nl.weerbaar.contracts.scenario;

/** A kern (village or town) of the region. */
public record Place(String id, String name, double lat, double lon, int inhabitants, int households, String postcode,
                    Integer restorationStage) {
}
