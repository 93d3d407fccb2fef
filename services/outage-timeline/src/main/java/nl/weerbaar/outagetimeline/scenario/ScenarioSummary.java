package nl.weerbaar.outagetimeline.scenario;

/** What a trainer sees of a scenario when choosing one. */
public record ScenarioSummary(String id, String name, String nameEn, String region, int durationHours, long seed) {

    public long durationSeconds() {
        return durationHours * 3600L;
    }
}
