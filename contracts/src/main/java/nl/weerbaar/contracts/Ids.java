package nl.weerbaar.contracts;

/** Identifiers as the contracts define them ({@code common.schema.json#/$defs/id}): 1 to 64 of A-Z a-z 0-9 . _ - */
public final class Ids {

    /** For {@code @Pattern(regexp = Ids.PATTERN)} on input that becomes an id in an event. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";

    private Ids() {
    }
}
