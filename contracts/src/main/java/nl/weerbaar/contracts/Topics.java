package nl.weerbaar.contracts;

import java.util.List;

/** Kafka topic names: one topic per owning service stream, versioned. */
public final class Topics {

    /** Owned by outage-timeline, keyed by exercise id. */
    public static final String EXERCISE = "weerbaar.exercise.v1";
    /** Owned by vital-status, keyed by provider id. */
    public static final String VITAL_STATUS = "weerbaar.vital-status.v1";
    /** Owned by noodsteunpunt, keyed by NSP id. */
    public static final String NOODSTEUNPUNT = "weerbaar.noodsteunpunt.v1";
    /** Owned by burgerhulp, keyed by help request id. */
    public static final String BURGERHULP = "weerbaar.burgerhulp.v1";

    /** Owned by outage-timeline, keyed by scenario id: the scenarios trainers uploaded, kept for good. */
    public static final String SCENARIOS = "weerbaar.scenarios.v1";

    /**
     * Owned by outage-timeline, keyed by exercise id: trainers' commands that reached an instance not driving the
     * exercise's clock, for the instance that does. Not part of an exercise's record; kept an hour.
     */
    public static final String EXERCISE_COMMANDS = "weerbaar.exercise-commands.v1";

    /**
     * Owned by situatiebeeld, keyed by exercise id: what the crisis team does on its live picture (acknowledging
     * alerts). Not part of the recording a replay copies.
     */
    public static final String CRISIS_TEAM = "weerbaar.crisis-team.v1";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /** The topics an exercise's events are on: its record, which replays and benchmarks read. */
    public static final List<String> EXERCISE_STREAMS = List.of(EXERCISE, VITAL_STATUS, NOODSTEUNPUNT, BURGERHULP);

    public static final List<String> ALL = List.of(EXERCISE, VITAL_STATUS, NOODSTEUNPUNT, BURGERHULP, SCENARIOS,
            EXERCISE_COMMANDS, CRISIS_TEAM);

    private Topics() {
    }

    /** The dead-letter topic of a topic: where records go that can never be processed, with the reason in headers. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
