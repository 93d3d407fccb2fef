package nl.weerbaar.contracts.burgerhulp;

import java.util.Optional;

/**
 * Which needs need a person (a volunteer of burgerhulp) and how urgent they are: first aid at once (within half an
 * hour), medication and checking on a less self-reliant person within two hours, transport and other checks within
 * six (three for a less self-reliant household). The same for a noodsteunpunt's request and a coordinator's.
 */
public final class HelpNeeds {

    /** How urgent a need is and how long it may take, in seconds. */
    public record Help(String urgency, long deadlineSeconds) {
    }

    private HelpNeeds() {
    }

    public static Optional<Help> forNeed(String need, boolean lessSelfReliant) {
        return switch (need) {
            case "first-aid" -> Optional.of(new Help("immediate", 30 * 60));
            case "medication" -> Optional.of(new Help("urgent", 2 * 3600));
            case "check-on-person" -> Optional.of(lessSelfReliant ? new Help("urgent", 2 * 3600)
                    : new Help("normal", 6 * 3600));
            case "transport" -> Optional.of(lessSelfReliant ? new Help("urgent", 3 * 3600)
                    : new Help("normal", 6 * 3600));
            default -> Optional.empty();
        };
    }
}
