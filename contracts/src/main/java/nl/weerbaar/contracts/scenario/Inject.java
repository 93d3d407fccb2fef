package nl.weerbaar.contracts.scenario;

/** One line of the master scenario events list: what happens when, in which sector, and what it implies. */
public record Inject(String id, long offsetSeconds, String sector, String providerId, String band, Text effect,
                     String severity, StatusEffect statusEffect) {

    public Inject at(long seconds) {
        return new Inject(id, seconds, sector, providerId, band, effect, severity, statusEffect);
    }
}
