package nl.weerbaar.noodsteunpunt.simulation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.kit.streams.Fingerprint;
import nl.weerbaar.kit.streams.JoinProgress;
import nl.weerbaar.kit.streams.JoiningProcessor;
import nl.weerbaar.kit.streams.StateJson;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

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
            EventJson.mapper().copy().addMixIn(NspModel.class, WithoutSitesOrWorld.class), "NSP simulation state");

    @JsonIgnoreProperties({"sites", "places", "servedPlaces", "sectors"})
    private abstract static class WithoutSitesOrWorld {
    }

    /**
     * An exercise's entry: the model without its NSPs (each an entry of its own, which knows its place in their
     * order) and without its world, how far each input has come, and the last watermark this service wrote for the
     * exercise. Written after every step, so it holds nothing that grows with the region.
     */
    record Exercise(NspModel model, JoinProgress join) {

        static Exercise fresh(String exerciseId) {
            return new Exercise(new NspModel(exerciseId), JoinProgress.none());
        }

        Exercise with(JoinProgress progress) {
            return new Exercise(model, progress);
        }
    }

    /**
     * An exercise's world: its places and which places each provider serves (thousands of places nationally),
     * under {@code <exerciseId>|world}, written when {@link NspModel#worldVersion} moved.
     */
    record World(Map<String, Place> places, Map<String, List<String>> servedPlaces, Map<String, String> sectors) {

        static World of(NspModel model) {
            return new World(model.places, model.servedPlaces, model.sectors);
        }

        void into(NspModel model) {
            model.places = new LinkedHashMap<>(places);
            model.servedPlaces = new LinkedHashMap<>(servedPlaces);
            model.sectors = new LinkedHashMap<>(sectors);
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
        Loaded loaded = new Loaded(read(json, Exercise.class), stored);
        world(exercises, exerciseId).ifPresent(world -> world.into(loaded.model()));
        stored.put(worldKey(exerciseId), loaded.model().worldVersion);
        return loaded;
    }

    /** An exercise's world as stored. */
    static Optional<World> world(ReadOnlyKeyValueStore<String, String> exercises, String exerciseId) {
        return Optional.ofNullable(exercises.get(worldKey(exerciseId))).map(json -> read(json, World.class));
    }

    /** The exercise's NSPs into its model, read from the store once while it stays in memory. */
    void loadSites(Loaded loaded) {
        loaded.sitesTouched = true;
        if (loaded.sitesLoaded) {
            return;
        }
        loaded.sitesLoaded = true;
        String exerciseId = loaded.exercise.model().exerciseId;
        Map<String, Site> byId = sites(sites, exerciseId);
        byId.forEach((id, site) -> loaded.stored.put(prefix(exerciseId) + id, Fingerprint.of(site)));
        loaded.exercise.model().sites = byId;
    }

    /** An exercise's NSPs as stored, in the order they came into the model. */
    static Map<String, Site> sites(ReadOnlyKeyValueStore<String, String> sites, String exerciseId) {
        return JSON.inOrder(sites, prefix(exerciseId), Site.class, site -> site.order);
    }

    void save(Loaded loaded) {
        NspModel model = loaded.exercise.model();
        String json = write(loaded.exercise);
        if (!json.equals(loaded.stored.get(model.exerciseId))) {
            exercises.put(model.exerciseId, json);
            loaded.stored.put(model.exerciseId, json);
        }
        String worldKey = worldKey(model.exerciseId);
        if (!Long.valueOf(model.worldVersion).equals(loaded.stored.get(worldKey))) {
            exercises.put(worldKey, write(World.of(model)));
            loaded.stored.put(worldKey, model.worldVersion);
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

    private static String worldKey(String exerciseId) {
        return exerciseId + "|world";
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
