package nl.weerbaar.outagetimeline.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import nl.weerbaar.contracts.EventType;

/** One event of a recorded exercise, as it was on its topic. */
public record RecordedEvent(EventType type, String key, String id, String source, long scenarioTimeSeconds,
                            Instant time, String causationId, JsonNode payload, int topicRank, long offset) {

    /** The event as exercise {@code exercise}'s: its key and payload name it wherever they named {@code original}. */
    public RecordedEvent in(String original, String exercise) {
        JsonNode renamed = payload;
        if (payload.isObject() && original.equals(payload.path("exerciseId").asText(null))) {
            ObjectNode copy = payload.deepCopy();
            copy.put("exerciseId", exercise);
            renamed = copy;
        }
        return new RecordedEvent(type, original.equals(key) ? exercise : key, id, source, scenarioTimeSeconds, time,
                causationId, renamed, topicRank, offset);
    }
}
