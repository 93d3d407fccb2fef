package nl.weerbaar.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** CAP / EDXL-DE style status, so exercise traffic can never be mistaken for a real incident. */
public enum ExerciseStatus {
    EXERCISE("Exercise"), ACTUAL("Actual"), TEST("Test");

    private final String wire;

    ExerciseStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ExerciseStatus fromWire(String value) {
        for (ExerciseStatus s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown exercise status '" + value + "' (Exercise, Actual or Test)");
    }
}
