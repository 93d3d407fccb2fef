package nl.weerbaar.kit.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of DESIGN.md §10. The wire name is what configuration, tokens and JWT claims use. */
public enum Role {
    TRAINER("trainer"),
    CRISIS_TEAM("crisis-team"),
    PROVIDER("provider"),
    NSP_OPERATOR("nsp-operator"),
    COORDINATOR("coordinator"),
    VOLUNTEER("volunteer"),
    /** Watches an exercise for the trainers: notes and scores linked to scenario time. */
    OBSERVER("observer"),
    /** Reads metrics and health details (Prometheus, an operator); acts on nothing. */
    MONITOR("monitor");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public String authority() {
        return "ROLE_" + wire;
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
    }
}
