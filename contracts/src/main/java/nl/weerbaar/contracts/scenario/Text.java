package nl.weerbaar.contracts.scenario;

/** Text for people: Dutch, with English. */
public record Text(String nl, String en) {

    public static Text of(String nl, String en) {
        return new Text(nl, en);
    }
}
