package nl.weerbaar.kit.events;

import java.util.List;
import nl.weerbaar.contracts.Violation;

/** A record that breaks its contract. It can never succeed, so it goes straight to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidEventException(String message, List<Violation> violations) {
        super(message + ": " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
