package nl.weerbaar.contracts.noodsteunpunt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Life cycle of a noodsteunpunt, after Sahana Eden's shelter status: planned, opening, open, full, closed. */
public enum NspState {
    PLANNED("planned"), OPENING("opening"), OPEN("open"), FULL("full"), CLOSED("closed");

    private final String wire;

    NspState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Citizens are inside and being served (a full NSP still serves the people it has). */
    public boolean serving() {
        return this == OPEN || this == FULL;
    }

    public static Optional<NspState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    @JsonCreator
    static NspState fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown NSP state '" + wire + "'"));
    }
}
