package nl.weerbaar.outagetimeline.scenario;

/** What a trainer sees of a scenario when choosing one. */
public record ScenarioSummary(String id, String name, String nameEn, String region, int durationHours, long seed,
                              int providers, int places, int nsps, int injects, String origin) {

    static ScenarioSummary of(Scenario s, String origin) {
        return new ScenarioSummary(s.id(), s.name(), s.nameEn(), s.region(), s.durationHours(), s.seed(),
                s.providers().size(), s.places().size(), s.nsps().size(), s.injects().size(), origin);
    }
}
