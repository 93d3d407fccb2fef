package nl.weerbaar.contracts.crisisteam;

/** The crisis team answered a role player's message in its inbox. */
public record MessageAnswered(String exerciseId, String messageId, String text, String by, long atSeconds) {
}
