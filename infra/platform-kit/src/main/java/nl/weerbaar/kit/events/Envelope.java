package nl.weerbaar.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Violation;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents envelope of an event, the same whether a service publishes it or a stream processor forwards it:
 * the payload checked against its schema, then the {@code ce_*} headers.
 */
public final class Envelope {

    private Envelope() {
    }

    /** Throws when the payload breaks its contract: a bug in this service, never in a caller's input. */
    public static void check(SchemaValidator validator, EventType type, JsonNode payload) {
        List<Violation> violations = validator.validatePayload(type, payload);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(type.type() + " would break its contract: " + violations);
        }
    }

    public static Headers headers(String id, String source, EventType type, String key, EventContext context,
                                  Instant time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CeHeaders.SPEC_VERSION, CeHeaders.SPEC_VERSION_VALUE);
        add(headers, CeHeaders.ID, id);
        add(headers, CeHeaders.TYPE, type.type());
        add(headers, CeHeaders.SOURCE, source);
        add(headers, CeHeaders.TIME, time.toString());
        add(headers, CeHeaders.SUBJECT, key);
        add(headers, CeHeaders.CONTENT_TYPE, CeHeaders.JSON);
        add(headers, CeHeaders.EXERCISE_ID, context.exerciseId());
        add(headers, CeHeaders.EXERCISE_STATUS, context.status().wire());
        add(headers, CeHeaders.SCENARIO_TIME, Long.toString(context.scenarioTimeSeconds()));
        add(headers, CeHeaders.CAUSATION_ID, context.causationId());
        add(headers, CeHeaders.REPLAY_OF, context.replayOf());
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
