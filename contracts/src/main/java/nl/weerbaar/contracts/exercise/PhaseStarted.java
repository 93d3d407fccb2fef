package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.scenario.Phase;

public record PhaseStarted(String exerciseId, Phase phase) {
}
