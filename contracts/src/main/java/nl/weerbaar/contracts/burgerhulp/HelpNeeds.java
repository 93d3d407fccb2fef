package nl.weerbaar.contracts.burgerhulp;

import java.util.Map;
import java.util.Optional;
import nl.weerbaar.contracts.scenario.Text;

/**
 * Which needs need a person (a volunteer of burgerhulp) and how urgent they are: first aid at once (within half an
 * hour), medication and checking on a less self-reliant person within two hours, transport and other checks within
 * six (three for a less self-reliant household). The same for a noodsteunpunt's request and a coordinator's.
 */
public final class HelpNeeds {

    /** How urgent a need is and how long it may take, in seconds. */
    public record Help(String urgency, long deadlineSeconds) {
    }

    /** The needs in words, as coordinators and the crisis team read them. */
    private static final Map<String, Text> WORDS = Map.of(
            "first-aid", Text.of("eerste hulp", "first aid"),
            "medication", Text.of("medicatie", "medication"),
            "transport", Text.of("vervoer", "transport"),
            "check-on-person", Text.of("bij iemand gaan kijken", "checking on someone"));

    private HelpNeeds() {
    }

    /** A need that asks for a volunteer, in Dutch and English; empty for any other code. */
    public static Optional<Text> words(String need) {
        return Optional.ofNullable(need == null ? null : WORDS.get(need));
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
