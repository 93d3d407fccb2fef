package nl.weerbaar.contracts.vital;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who says so: the provider itself (wins over the simulation until released) or the simulation. */
public enum StatusSource {
    PROVIDER("provider"), SIMULATION("simulation");

    private final String wire;

    StatusSource(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    static StatusSource fromWire(String wire) {
        for (StatusSource s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status source '" + wire + "'");
    }
}
