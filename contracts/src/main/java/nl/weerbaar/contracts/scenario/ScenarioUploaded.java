package nl.weerbaar.contracts.scenario;

import java.time.Instant;

/**
 * A trainer uploaded (or generated) a scenario: the file as written, checked before it was published. The scenario
 * library belongs to no exercise: its events carry {@link #LIBRARY} as their exercise id, scenario time 0.
 */
public record ScenarioUploaded(String scenarioId, String yaml, String uploadedBy, Instant uploadedAt) {

    /** The exercise id in the envelope of the library's events. */
    public static final String LIBRARY = "scenario-library";
}
