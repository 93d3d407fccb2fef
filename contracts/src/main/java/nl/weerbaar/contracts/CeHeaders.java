package nl.weerbaar.contracts;

/**
 * Kafka header names of the event envelope: CloudEvents 1.0 Kafka protocol binding, binary mode,
 * plus Weerbaar's extension attributes. See {@code schemas/headers.schema.json}.
 */
public final class CeHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String EXERCISE_ID = "ce_exerciseid";
    public static final String EXERCISE_STATUS = "ce_exercisestatus";
    /** Seconds since the power failed (T+0), as a decimal string. */
    public static final String SCENARIO_TIME = "ce_scenariotime";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String REPLAY_OF = "ce_replayof";
    /**
     * W3C Trace Context: the trace an event belongs to. Producers set it through the Kafka observation; stream
     * processors copy it from the event that caused an outcome, so one inject can be followed across the services.
     */
    public static final String TRACE_PARENT = "traceparent";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CeHeaders() {
    }
}
