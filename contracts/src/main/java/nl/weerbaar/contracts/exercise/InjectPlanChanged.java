package nl.weerbaar.contracts.exercise;

import nl.weerbaar.contracts.scenario.Inject;

/** A trainer changed the plan: {@code change} is added, held, released, cancelled or skipped. */
public record InjectPlanChanged(String exerciseId, String injectId, String change, Inject inject, String reason,
                                String by) {
}
