package nl.weerbaar.contracts.noodsteunpunt;

/** Supplies at a noodsteunpunt: drinking water in litres, food rations, generator fuel in running hours (null without generator). */
public record Stock(double waterLitres, double foodRations, Double fuelHours) {
}
