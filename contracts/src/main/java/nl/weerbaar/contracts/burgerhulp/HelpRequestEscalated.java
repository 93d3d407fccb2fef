package nl.weerbaar.contracts.burgerhulp;

import nl.weerbaar.contracts.scenario.Text;

/** Nobody can or will help before the deadline: the crisis team must act ({@code no-volunteer}, {@code deadline-passed}). */
public record HelpRequestEscalated(String exerciseId, String requestId, String reason, Text message, long atSeconds) {
}
