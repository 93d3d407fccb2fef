package nl.weerbaar.outagetimeline.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import nl.weerbaar.contracts.EventType;

/** One event of a recorded exercise, as it was on its topic. */
public record RecordedEvent(EventType type, String key, String id, String source, long scenarioTimeSeconds,
                            Instant time, String causationId, JsonNode payload, int topicRank, long offset) {
}
