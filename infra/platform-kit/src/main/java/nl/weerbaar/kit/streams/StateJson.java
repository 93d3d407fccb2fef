package nl.weerbaar.kit.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A stream processor's state entries as JSON text (readable in the changelog topics), with the mapper it needs. */
public final class StateJson {

    private final ObjectMapper mapper;
    private final String what;

    /** @param what what the state is, for the error when an entry cannot be read */
    public StateJson(ObjectMapper mapper, String what) {
        this.mapper = mapper;
        this.what = what;
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + what, e);
        }
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + what, e);
        }
    }
}
