package nl.weerbaar.noodsteunpunt.simulation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.kit.streams.Fingerprint;
import nl.weerbaar.kit.streams.JoinProgress;
import nl.weerbaar.kit.streams.JoiningProcessor;
import nl.weerbaar.kit.streams.StateJson;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The NSP simulation's keyed state, at the grain of the NSP: one entry per exercise (the model's clock, places,
 * darkness, households on their way, and how far each input has come) and one per NSP ({@code exerciseId/nspId}:
 * state, households present, stock); the inputs held until every input has passed their time are in {@link #INPUTS}
 * ({@code HeldInputs}). A step writes back only the entries it changed.
 */
final class NspStore {

    static final String EXERCISES = "nsp-exercises";
    static final String SITES = "nsp-sites";
    static final String INPUTS = "nsp-inputs";

    private static final StateJson JSON = new StateJson(
            EventJson.mapper().copy().addMixIn(NspModel.class, WithoutSites.class), "NSP simulation state");

    @JsonIgnoreProperties("sites")
    private abstract static class WithoutSites {
    }

    /**
     * An exercise's entry: the model without its NSPs, the NSPs' ids in order, how far each input has come, and the
     * last watermark this service wrote for the exercise.
     */
    record Exercise(NspModel model, List<String> sites, JoinProgress join) {

        static Exercise fresh(String exerciseId) {
            return new Exercise(new NspModel(exerciseId), List.of(), JoinProgress.none());
        }

        Exercise with(JoinProgress progress) {
            return new Exercise(model, sites, progress);
        }
    }

    /**
     * An exercise's state in memory and what the stores hold of it (the exercise entry as written, each NSP's
     * {@link Fingerprint}), so that {@link #save} writes only changes. Kept between steps by the processor.
     */
    static final class Loaded implements JoiningProcessor.Exercise {
        Exercise exercise;
        final Map<String, Object> stored;
        boolean sitesLoaded;
        /** This step needed the NSPs, so it may have changed them. */
        boolean sitesTouched;

        Loaded(Exercise exercise, Map<String, Object> stored) {
            this.exercise = exercise;
            this.stored = stored;
        }

        NspModel model() {
            return exercise.model();
        }

        @Override
        public String exerciseId() {
            return exercise.model().exerciseId;
        }

        @Override
        public JoinProgress join() {
            return exercise.join();
        }

        @Override
        public void join(JoinProgress progress) {
            exercise = exercise.with(progress);
        }

        @Override
        public boolean started() {
            return exercise.model().loaded;
        }

        @Override
        public boolean ended() {
            return exercise.model().ended;
        }

        @Override
        public long now() {
            return exercise.model().now;
        }
    }

    private final KeyValueStore<String, String> exercises;
    private final KeyValueStore<String, String> sites;

    NspStore(KeyValueStore<String, String> exercises, KeyValueStore<String, String> sites) {
        this.exercises = exercises;
        this.sites = sites;
    }

    Loaded load(String exerciseId) {
        String json = exercises.get(exerciseId);
        Map<String, Object> stored = new HashMap<>();
        if (json == null) {
            return new Loaded(Exercise.fresh(exerciseId), stored);
        }
        stored.put(exerciseId, json);
        return new Loaded(read(json, Exercise.class), stored);
    }

    /** The exercise's NSPs into its model, read from the store once while it stays in memory. */
    void loadSites(Loaded loaded) {
        loaded.sitesTouched = true;
        if (loaded.sitesLoaded) {
            return;
        }
        loaded.sitesLoaded = true;
        String exerciseId = loaded.exercise.model().exerciseId;
        Map<String, String> json = new HashMap<>();
        try (KeyValueIterator<String, String> it = sites.prefixScan(prefix(exerciseId), new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, String> entry = it.next();
                json.put(entry.key, entry.value);
            }
        }
        Map<String, Site> byId = new LinkedHashMap<>();
        for (String id : loaded.exercise.sites()) {
            String key = prefix(exerciseId) + id;
            Site site = read(json.get(key), Site.class);
            byId.put(id, site);
            loaded.stored.put(key, Fingerprint.of(site));
        }
        loaded.exercise.model().sites = byId;
    }

    void save(Loaded loaded) {
        NspModel model = loaded.exercise.model();
        List<String> ids = loaded.sitesLoaded ? List.copyOf(model.sites.keySet()) : loaded.exercise.sites();
        Exercise exercise = new Exercise(model, ids, loaded.exercise.join());
        loaded.exercise = exercise;
        String json = write(exercise);
        if (!json.equals(loaded.stored.get(model.exerciseId))) {
            exercises.put(model.exerciseId, json);
            loaded.stored.put(model.exerciseId, json);
        }
        if (loaded.sitesTouched) {
            model.sites.forEach((id, site) -> {
                String key = prefix(model.exerciseId) + id;
                if (Fingerprint.changed(loaded.stored, key, site)) {
                    sites.put(key, write(site));
                }
            });
            loaded.sitesTouched = false;
        }
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
