package nl.weerbaar.contracts.scenario;

/** The weather during the outage: the outside temperature in °C. */
public record Weather(double temperatureC) {
}
