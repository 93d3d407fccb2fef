package nl.weerbaar.vitalstatus.simulation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.kit.streams.InputProgress;
import nl.weerbaar.kit.streams.StateJson;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import nl.weerbaar.kit.streams.FirstDelivery;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The cascade's keyed state, at the grain of the provider: one entry per exercise (its scenario time, dependency order,
 * whether it ended) and one per provider of the exercise ({@code exerciseId/providerId}). A step loads the exercise's
 * providers, and writes back only the entries it changed — so a step costs what it touches, not a whole model.
 */
final class CascadeState {

    static final String EXERCISES = "cascade-exercises";
    static final String PROVIDERS = "cascade-providers";

    private static final StateJson JSON = new StateJson(EventJson.mapper(), "cascade state");

    private final KeyValueStore<String, String> exercises;
    private final KeyValueStore<String, String> providers;

    CascadeState(KeyValueStore<String, String> exercises, KeyValueStore<String, String> providers) {
        this.exercises = exercises;
        this.providers = providers;
    }

    /** The exercise's state of one step and what it was when loaded, so that {@link #save} writes only changes. */
    record Loaded(CascadeModel model, Map<String, String> stored) {
    }

    record Exercise(String exerciseId, long now, boolean ended, List<String> order, List<String> ids,
                    InputProgress clock, long markedUpTo, boolean markedEnded) {
    }

    Optional<Loaded> load(String exerciseId) {
        String meta = exercises.get(exerciseId);
        if (meta == null) {
            return Optional.empty();
        }
        Exercise exercise = read(meta, Exercise.class);
        Map<String, String> stored = new HashMap<>();
        try (KeyValueIterator<String, String> it = providers.prefixScan(prefix(exerciseId), new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                stored.put(entry.key, entry.value);
            }
        }
        CascadeModel model = new CascadeModel(exerciseId, exercise.now());
        model.ended = exercise.ended();
        model.clock = exercise.clock();
        model.markedUpTo = exercise.markedUpTo();
        model.markedEnded = exercise.markedEnded();
        model.order = new java.util.ArrayList<>(exercise.order());
        Map<String, SimulatedProvider> byId = new LinkedHashMap<>();
        for (String id : exercise.ids()) {
            byId.put(id, read(stored.get(prefix(exerciseId) + id), SimulatedProvider.class));
        }
        model.providers = byId;
        stored.put(exerciseId, meta);
        return Optional.of(new Loaded(model, stored));
    }

    /** A new exercise: nothing stored yet. */
    static Loaded fresh(CascadeModel model) {
        return new Loaded(model, Map.of());
    }

    void save(Loaded loaded) {
        CascadeModel model = loaded.model();
        String meta = write(new Exercise(model.exerciseId, model.now, model.ended, model.order,
                List.copyOf(model.providers.keySet()), model.clock, model.markedUpTo,
                model.markedEnded));
        if (!meta.equals(loaded.stored().get(model.exerciseId))) {
            exercises.put(model.exerciseId, meta);
        }
        model.providers.forEach((id, provider) -> {
            String key = prefix(model.exerciseId) + id;
            String json = write(provider);
            if (!json.equals(loaded.stored().get(key))) {
                providers.put(key, json);
            }
        });
    }

    boolean exists(String exerciseId) {
        return exercises.get(exerciseId) != null;
    }

    /** Whether the exercise topic brings this event for the first time ({@link FirstDelivery}). */
    boolean firstTime(String exerciseId, String eventId) {
        return FirstDelivery.of(exercises, exerciseId, eventId);
    }

    private static String prefix(String exerciseId) {
        return exerciseId + "/";
    }

    static <T> T read(String json, Class<T> type) {
        return JSON.read(json, type);
    }

    private static String write(Object value) {
        return JSON.write(value);
    }
}
