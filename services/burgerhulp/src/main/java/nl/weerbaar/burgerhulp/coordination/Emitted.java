package nl.weerbaar.burgerhulp.coordination;

/** An event the model decided, in its contract's shape, with its record key and its sequence number in the exercise. */
public record Emitted(String key, Object payload, long atSeconds, long sequence) {
}
