package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.scenario.Inject;

/** An inject happened. {@code origin}: scenario or ad-hoc; {@code trigger}: schedule, jump, catch-up or manual. */
public record InjectFired(String exerciseId, Inject inject, String origin, String trigger) {
}
