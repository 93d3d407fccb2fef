package nl.weerbaar.noodsteunpunt.simulation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.kit.streams.JoinProgress;
import nl.weerbaar.kit.streams.JoiningProcessor;
import nl.weerbaar.kit.streams.StateJson;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The NSP simulation's keyed state, at the grain of the NSP: one entry per exercise (the model's clock, darkness, and
 * how far each input has come), its world and the households on their way in entries of their own, and one per NSP
 * ({@code exerciseId/nspId}: state, stock) with one per household inside in {@link #PRESENT}
 * ({@code exerciseId/nspId/order}); the inputs held until every input has passed their time are in {@link #INPUTS}
 * ({@code HeldInputs}). A step writes back only the entries it changed: an arrival is a small write, not a rewrite of
 * an NSP with hundreds of households inside.
 */
final class NspStore {

    static final String EXERCISES = "nsp-exercises";
    static final String SITES = "nsp-sites";
    static final String INPUTS = "nsp-inputs";
    static final String PRESENT = "nsp-present";

    private static final StateJson JSON = new StateJson(EventJson.mapper().copy()
            .addMixIn(NspModel.class, WithoutSitesOrWorld.class)
            .addMixIn(Site.class, WithoutHouseholds.class), "NSP simulation state");

    @JsonIgnoreProperties({"sites", "places", "servedPlaces", "sectors", "pending"})
    private abstract static class WithoutSitesOrWorld {
    }

    @JsonIgnoreProperties({"present"})
    private abstract static class WithoutHouseholds {
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
     * The households on their way to an NSP: an hour's population at a time (tens of thousands nationally), under
     * {@code <exerciseId>|pending}, written when a new hour comes in ({@link NspModel#pendingVersion}); which of them
     * have arrived ({@link NspModel#pendingHead}) is in the exercise's entry.
     */
    record Pending(List<Arrival> arrivals) {
    }

    /**
     * An exercise's state in memory and what the stores hold of it (the exercise entry as written, the versions of
     * its world and households on their way), so that {@link #save} writes only changes; the model says which NSPs it
     * changed. Kept between steps by the processor.
     */
    static final class Loaded implements JoiningProcessor.Exercise {
        Exercise exercise;
        final Map<String, Object> stored;
        boolean sitesLoaded;

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
    private final KeyValueStore<String, String> present;

    NspStore(KeyValueStore<String, String> exercises, KeyValueStore<String, String> sites,
             KeyValueStore<String, String> present) {
        this.exercises = exercises;
        this.sites = sites;
        this.present = present;
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
        pending(exercises, exerciseId).ifPresent(pending -> loaded.model().pending = new ArrayList<>(pending));
        stored.put(pendingKey(exerciseId), loaded.model().pendingVersion);
        return loaded;
    }

    /** An exercise's world as stored. */
    static Optional<World> world(ReadOnlyKeyValueStore<String, String> exercises, String exerciseId) {
        return Optional.ofNullable(exercises.get(worldKey(exerciseId))).map(json -> read(json, World.class));
    }

    /** An exercise's households on their way, as stored. */
    static Optional<List<Arrival>> pending(ReadOnlyKeyValueStore<String, String> exercises, String exerciseId) {
        return Optional.ofNullable(exercises.get(pendingKey(exerciseId))).map(json -> read(json, Pending.class))
                .map(Pending::arrivals);
    }

    /** The exercise's NSPs into its model, read from the store once while it stays in memory. */
    void loadSites(Loaded loaded) {
        if (loaded.sitesLoaded) {
            return;
        }
        loaded.sitesLoaded = true;
        loaded.exercise.model().sites = sites(sites, present, loaded.exercise.model().exerciseId);
    }

    /** An exercise's NSPs as stored, in the order they came into the model, with the households inside. */
    static Map<String, Site> sites(ReadOnlyKeyValueStore<String, String> sites,
                                   ReadOnlyKeyValueStore<String, String> present, String exerciseId) {
        Map<String, Site> byId = JSON.inOrder(sites, prefix(exerciseId), Site.class, site -> site.order);
        JSON.inOrder(present, prefix(exerciseId), Site.Present.class, Site.Present::order).forEach((key, p) -> {
            Site site = byId.get(key.substring(0, key.lastIndexOf('/')));
            site.present.put(p.checkInId(), p);
        });
        return byId;
    }

    void save(Loaded loaded) {
        NspModel model = loaded.exercise.model();
        String json = write(loaded.exercise);
        if (!json.equals(loaded.stored.get(model.exerciseId))) {
            exercises.put(model.exerciseId, json);
            loaded.stored.put(model.exerciseId, json);
        }
        JSON.putIfMoved(exercises, loaded.stored, worldKey(model.exerciseId), model.worldVersion,
                () -> World.of(model));
        JSON.putIfMoved(exercises, loaded.stored, pendingKey(model.exerciseId), model.pendingVersion,
                () -> new Pending(model.pending));
        for (Site site : model.takeChanged()) {
            String key = prefix(model.exerciseId) + site.id();
            sites.put(key, write(site));
            site.takePresentWrites().forEach((order, household) -> {
                String householdKey = key + "/" + "%012d".formatted(order);
                if (household == null) {
                    present.delete(householdKey);
                } else {
                    present.put(householdKey, write(household));
                }
            });
        }
    }

    private static String worldKey(String exerciseId) {
        return exerciseId + "|world";
    }

    private static String pendingKey(String exerciseId) {
        return exerciseId + "|pending";
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
