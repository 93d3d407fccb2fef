package nl.weerbaar.contracts.crisisteam;

/**
 * An observer's note on the exercise, linked to a scenario time and, if it is about one, to an objective of the
 * scenario; with a score from 1 (poor) to 5 (excellent) where the observer gives one. For the trainers and the
 * after-action report, not for the crisis team's picture.
 */
public record Observation(String exerciseId, String observationId, long atSeconds, String text, Integer score,
                          String objectiveId, String by) {
}
