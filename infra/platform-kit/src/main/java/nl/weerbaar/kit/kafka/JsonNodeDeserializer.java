package nl.weerbaar.kit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import nl.weerbaar.contracts.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads record values as a JSON tree; the consumer picks the payload type from {@code ce_type}, never from a Java
 * class name. Wrapped in an {@code ErrorHandlingDeserializer}, so a value that is not JSON goes to the dead-letter
 * topic instead of blocking the partition.
 */
public class JsonNodeDeserializer implements Deserializer<JsonNode> {

    @Override
    public JsonNode deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            JsonNode node = EventJson.mapper().readTree(data);
            if (node == null || node.isMissingNode()) {
                throw new SerializationException("empty value on " + topic);
            }
            return node;
        } catch (IOException e) {
            throw new SerializationException("value on " + topic + " is not JSON: " + e.getMessage(), e);
        }
    }
}
