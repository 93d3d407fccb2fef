package nl.weerbaar.kit.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
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

    /**
     * The entries under {@code prefix} (one exercise's entities), by key without the prefix, in their {@code order}:
     * an entity carries its place in the order it came into the model, so no list of ids needs to be stored.
     */
    public <T> Map<String, T> inOrder(ReadOnlyKeyValueStore<String, String> store, String prefix, Class<T> type,
                                      ToLongFunction<T> order) {
        return inOrder(store, prefix, type, order, entity -> true, id -> { });
    }

    /**
     * As {@link #inOrder(ReadOnlyKeyValueStore, String, Class, ToLongFunction)}, keeping only the entries that
     * {@code keep} accepts: the ids of the others go to {@code passedOver}, and they are never held all at once.
     */
    public <T> Map<String, T> inOrder(ReadOnlyKeyValueStore<String, String> store, String prefix, Class<T> type,
                                      ToLongFunction<T> order, Predicate<T> keep, Consumer<String> passedOver) {
        List<Map.Entry<String, T>> entries = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.prefixScan(prefix, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                String id = entry.key.substring(prefix.length());
                T entity = read(entry.value, type);
                if (keep.test(entity)) {
                    entries.add(Map.entry(id, entity));
                } else {
                    passedOver.accept(id);
                }
            }
        }
        entries.sort(Comparator.comparingLong(e -> order.applyAsLong(e.getValue())));
        Map<String, T> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.getKey(), e.getValue()));
        return byId;
    }

    /**
     * Writes a large part of an exercise's state kept in an entry of its own (its world, the households on their
     * way ...) only when its {@code version} moved since {@code remembered} last saw it under {@code key}, instead of
     * serialising it after every step.
     */
    public void putIfMoved(KeyValueStore<String, String> store, Map<String, Object> remembered, String key,
                           long version, Supplier<Object> value) {
        if (!Long.valueOf(version).equals(remembered.get(key))) {
            store.put(key, write(value.get()));
            remembered.put(key, version);
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
