package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.scenario.Text;

/**
 * A role player (played by the trainers: the hospital, a mayor, a journalist) sends the crisis team a message: an
 * inject that asks something, so the exercise can measure the answer. From the scenario at its time
 * ({@code origin} scenario) or sent by a trainer during the exercise ({@code origin} trainer, {@code by} who).
 */
public record MessageSent(String exerciseId, String messageId, String from, String providerId, Text text,
                          String origin, String by, long atSeconds) {

    public static final String FROM_SCENARIO = "scenario";
    public static final String FROM_TRAINER = "trainer";
}
