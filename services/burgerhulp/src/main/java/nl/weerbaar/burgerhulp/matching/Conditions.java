package nl.weerbaar.burgerhulp.matching;

/**
 * What the outage allows right now: where volunteers can be phoned (a mobile or fixed network working in their place)
 * and whether there is fuel for cars (the fuel stations work, or people still have some).
 */
public record Conditions(Phones phones, boolean fuelAvailable) {

    /** The phones working everywhere or nowhere. */
    public Conditions(boolean phonesWork, boolean fuelAvailable) {
        this(phonesWork ? Phones.EVERYWHERE : Phones.NOWHERE, fuelAvailable);
    }
}
