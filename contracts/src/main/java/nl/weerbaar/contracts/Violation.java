package nl.weerbaar.contracts;

/** One way in which a record breaks its contract: where (a JSON path, or a header name) and what. */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
