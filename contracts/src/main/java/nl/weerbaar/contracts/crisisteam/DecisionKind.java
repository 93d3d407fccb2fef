package nl.weerbaar.contracts.crisisteam;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the crisis team can decide, and which service's model answers it: open or close a noodsteunpunt early
 * (noodsteunpunt), give a provider priority in the fuel distribution or send it a mobile generator (vital-status),
 * issue a public warning to places (noodsteunpunt: who comes, and for what), ask for extra volunteers (the volunteer
 * pool of outage-timeline), declare a GRIP level (on the record, for the evaluation).
 */
public enum DecisionKind {
    OPEN_NSP("open-nsp"), CLOSE_NSP("close-nsp"), FUEL_PRIORITY("fuel-priority"),
    MOBILE_GENERATOR("mobile-generator"), PUBLIC_WARNING("public-warning"), EXTRA_VOLUNTEERS("extra-volunteers"),
    GRIP("grip");

    private final String wire;

    DecisionKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<DecisionKind> parse(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    @JsonCreator
    static DecisionKind fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown decision '" + wire + "'"));
    }
}
