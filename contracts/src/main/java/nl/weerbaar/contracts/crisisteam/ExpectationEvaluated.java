package nl.weerbaar.contracts.crisisteam;

import nl.weerbaar.contracts.scenario.Text;

/**
 * The live picture's evaluation reached a verdict on one of the exercise's objectives, or changed it: pending
 * (its clock started), met, met late, missed, not applicable; with when its clock started, by when it was due and
 * the evidence (scenario time and event id of what settled it). One event per verdict reached.
 */
public record ExpectationEvaluated(String exerciseId, String objectiveId, Text text, String verdict,
                                   Long startedAtSeconds, Long dueAtSeconds, Long evidenceAtSeconds,
                                   String evidenceEventId, String startedByEventId, long atSeconds) {
}
