package nl.weerbaar.contracts.vital;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Operational state of a vital provider, after EDXL-HAVE's facility status and DRIVER+'s OK/stressed/failed. */
public enum ProviderState {
    NORMAL("normal"), DEGRADED("degraded"), ON_BACKUP("on-backup"), DOWN("down"), RESTORED("restored");

    private final String wire;

    ProviderState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Working at all (possibly reduced or on backup): anything but down. */
    public boolean works() {
        return this != DOWN;
    }

    public static Optional<ProviderState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    @JsonCreator
    static ProviderState fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown provider state '" + wire + "'"));
    }
}
