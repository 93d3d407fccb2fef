package nl.weerbaar.kit.model;

/**
 * An event a per-exercise model decided, in the shape of its contract, with the record key and its sequence number
 * in the exercise, which makes its id: the same decision after a crash gets the same id.
 */
public record Emitted(String key, Object payload, long atSeconds, long sequence) {
}
