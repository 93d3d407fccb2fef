package nl.weerbaar.burgerhulp.matching;

/**
 * What the outage allows right now: whether volunteers can be phoned (mobile or fixed network up) and whether there
 * is fuel for cars (the fuel stations work, or people still have some).
 */
public record Conditions(boolean phonesWork, boolean fuelAvailable) {
}
