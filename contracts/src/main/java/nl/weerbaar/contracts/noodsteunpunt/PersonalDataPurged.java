package nl.weerbaar.contracts.noodsteunpunt;

/** The crisis team purged an exercise's personal data: postcodes, notes and household references are gone. */
public record PersonalDataPurged(String exerciseId, String by, long atSeconds) {
}
