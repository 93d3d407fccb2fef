package nl.weerbaar.contracts.scenario;

import java.util.List;

/** A vital provider: what it serves, which providers it cannot do without, and its backup. */
public record Provider(String id, String name, String sector, List<String> places, List<String> services,
                       List<String> dependsOn, Backup backup, Boolean vulnerableSite, String contactRole) {
}
