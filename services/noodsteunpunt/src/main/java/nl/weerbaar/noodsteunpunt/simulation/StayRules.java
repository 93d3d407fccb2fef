package nl.weerbaar.noodsteunpunt.simulation;

import java.util.List;
import nl.weerbaar.contracts.scenario.Household;

/**
 * How long a household of the population model stays: those who need shelter stay until they are sent home,
 * those who come to warm up about six hours, those who need care two, the rest (water, charging, information) one;
 * spread by half an hour either way per household, fixed by its reference so a re-run gives the same stays.
 */
final class StayRules {

    private StayRules() {
    }

    /** Seconds until the household leaves, or null when it stays until the NSP closes. */
    static Long staySeconds(Household household) {
        List<String> needs = household.needs();
        if (needs.contains("shelter")) {
            return null;
        }
        double hours = needs.contains("warmth") ? 6 : needs.contains("first-aid") || needs.contains("medication")
                ? 2 : 1;
        double spread = ((household.ref().hashCode() & 0x7fffffff) % 61 - 30) / 60.0;
        return Math.round((hours + spread) * 3600);
    }
}
