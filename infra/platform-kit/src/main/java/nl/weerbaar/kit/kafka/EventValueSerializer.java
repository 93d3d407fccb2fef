package nl.weerbaar.kit.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.weerbaar.contracts.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes record values as JSON. Raw bytes pass unchanged, so the dead-letter recoverer can forward a record that
 * could not even be deserialized exactly as it arrived.
 */
public class EventValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        try {
            return EventJson.mapper().writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + data.getClass().getName() + " as JSON", e);
        }
    }
}
