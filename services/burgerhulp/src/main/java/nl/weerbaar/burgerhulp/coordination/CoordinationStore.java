package nl.weerbaar.burgerhulp.coordination;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import nl.weerbaar.burgerhulp.coordination.CoordinationModel.NspPoint;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.kit.streams.Fingerprint;
import nl.weerbaar.kit.streams.JoinProgress;
import nl.weerbaar.kit.streams.JoiningProcessor;
import nl.weerbaar.kit.streams.StateJson;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The coordination's keyed state, at the grain of the volunteer and the help request: one entry per exercise (the
 * model's clock, phones and fuel, the decision sequence, how far each input has come) and its NSPs in an entry of
 * their own ({@code exerciseId|nsps}, written when they change), one per volunteer
 * ({@code exerciseId/volunteerId}) and one per help request ({@code exerciseId/requestId}: its offers, answers,
 * assignee, status). The inputs held until every input has passed their time are in {@link #INPUTS}. A step writes
 * back only the entries it changed.
 */
final class CoordinationStore {

    static final String EXERCISES = "coordination-exercises";
    static final String VOLUNTEERS = "coordination-volunteers";
    static final String REQUESTS = "coordination-requests";
    static final String INPUTS = "coordination-inputs";

    private static final StateJson JSON = new StateJson(EventJson.mapper().copy()
            .addMixIn(CoordinationModel.class, WithoutEntities.class), "coordination state");

    @JsonIgnoreProperties({"volunteers", "requests", "nsps"})
    private abstract static class WithoutEntities {
    }

    /**
     * An exercise's entry: the model without its volunteers and requests (each is an entry of its own, which knows
     * its place in their order), how far each input has come, and the last watermark this service wrote for the
     * exercise. Small whatever the exercise's size, as it is written after every step.
     */
    record Exercise(CoordinationModel model, JoinProgress join) {

        static Exercise fresh(String exerciseId) {
            return new Exercise(new CoordinationModel(exerciseId), JoinProgress.none());
        }

        Exercise with(JoinProgress progress) {
            return new Exercise(model, progress);
        }
    }

    /**
     * An exercise's NSPs (thousands nationally) under {@code <exerciseId>|nsps}, written when
     * {@link CoordinationModel#nspsVersion} moved.
     */
    record Nsps(Map<String, NspPoint> nsps) {
    }

    /**
     * An exercise's state in memory and what the stores hold of it (the exercise entry as written, each entity's
     * {@link Fingerprint}), so that {@link #save} writes only changes. Kept between steps by the processor.
     */
    static final class Loaded implements JoiningProcessor.Exercise {
        Exercise exercise;
        final Map<String, Object> stored = new HashMap<>();
        boolean entitiesLoaded;
        /** This step needed the volunteers and requests, so it may have changed them. */
        boolean entitiesTouched;
        /**
         * The requests not finished yet, the only ones a step can change: a finished request never changes again, so
         * it is not compared after every step (a national exercise has half a million).
         */
        final Set<String> unfinished = new LinkedHashSet<>();

        Loaded(Exercise exercise) {
            this.exercise = exercise;
        }

        CoordinationModel model() {
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

        /** The coordination needs no scenario to start: volunteers and requests may come first. */
        @Override
        public boolean started() {
            return true;
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
    private final KeyValueStore<String, String> volunteers;
    private final KeyValueStore<String, String> requests;

    CoordinationStore(KeyValueStore<String, String> exercises, KeyValueStore<String, String> volunteers,
                      KeyValueStore<String, String> requests) {
        this.exercises = exercises;
        this.volunteers = volunteers;
        this.requests = requests;
    }

    Loaded load(String exerciseId) {
        String json = exercises.get(exerciseId);
        if (json == null) {
            return new Loaded(Exercise.fresh(exerciseId));
        }
        Loaded loaded = new Loaded(read(json, Exercise.class));
        loaded.stored.put(exerciseId, json);
        nsps(exercises, exerciseId).ifPresent(nsps -> loaded.model().nsps = nsps);
        loaded.stored.put(nspsKey(exerciseId), loaded.model().nspsVersion);
        return loaded;
    }

    /** An exercise's NSPs as stored. */
    static Optional<Map<String, NspPoint>> nsps(ReadOnlyKeyValueStore<String, String> exercises, String exerciseId) {
        return Optional.ofNullable(exercises.get(nspsKey(exerciseId)))
                .map(json -> new LinkedHashMap<>(read(json, Nsps.class).nsps()));
    }

    private static String nspsKey(String exerciseId) {
        return exerciseId + "|nsps";
    }

    /** The exercise's volunteers and requests into its model, read from the stores once while it stays in memory. */
    void loadEntities(Loaded loaded) {
        loaded.entitiesTouched = true;
        if (loaded.entitiesLoaded) {
            return;
        }
        loaded.entitiesLoaded = true;
        CoordinationModel model = loaded.exercise.model();
        model.volunteers = entries(volunteers, VOLUNTEERS, loaded, VolunteerState.class, v -> v.order, v -> true,
                id -> { });
        // finished requests stay out of memory (CoordinationModel.forgetFinished): only their ids are kept
        model.requests = entries(requests, REQUESTS, loaded, RequestState.class, r -> r.order, r -> !r.finished(),
                model::knownFinished);
    }

    /**
     * The entries of one store, in the order they came into the model; remembered under the store's name, as a
     * volunteer and a request may share an id.
     */
    private <T> Map<String, T> entries(KeyValueStore<String, String> store, String name, Loaded loaded,
                                       Class<T> type, ToLongFunction<T> order, Predicate<T> keep,
                                       Consumer<String> passedOver) {
        String prefix = prefix(loaded.exercise.model().exerciseId);
        Map<String, T> byId = JSON.inOrder(store, prefix, type, order, keep, passedOver);
        byId.forEach((id, entity) -> {
            loaded.stored.put(name + ":" + prefix + id, Fingerprint.of(entity));
            if (entity instanceof RequestState) {
                loaded.unfinished.add(id);
            }
        });
        return byId;
    }

    /** The entries under {@code prefix} (an exercise's), by id, in their {@code order}. */
    static <T> Map<String, T> inOrder(ReadOnlyKeyValueStore<String, String> store, String prefix, Class<T> type,
                                      ToLongFunction<T> order) {
        return JSON.inOrder(store, prefix, type, order);
    }

    void save(Loaded loaded) {
        CoordinationModel model = loaded.exercise.model();
        String json = write(loaded.exercise);
        if (!json.equals(loaded.stored.get(model.exerciseId))) {
            exercises.put(model.exerciseId, json);
            loaded.stored.put(model.exerciseId, json);
        }
        JSON.putIfMoved(exercises, loaded.stored, nspsKey(model.exerciseId), model.nspsVersion,
                () -> new Nsps(model.nsps));
        if (loaded.entitiesTouched) {
            // only what the model says it changed or took in, and the requests still open, are compared
            CoordinationModel.Changes changes = model.takeChanges();
            String prefix = prefix(model.exerciseId);
            for (String id : changes.volunteers()) {
                saveIfChanged(volunteers, VOLUNTEERS + ":" + prefix + id, prefix + id, loaded,
                        model.volunteers.get(id));
            }
            loaded.unfinished.addAll(changes.newRequests());
            for (Iterator<String> it = loaded.unfinished.iterator(); it.hasNext(); ) {
                String id = it.next();
                RequestState request = model.requests.get(id);
                String key = REQUESTS + ":" + prefix + id;
                saveIfChanged(requests, key, prefix + id, loaded, request);
                if (request.finished()) {
                    it.remove();
                    loaded.stored.remove(key);
                    model.forgetFinished(id);
                }
            }
            loaded.entitiesTouched = false;
        }
    }

    private static void saveIfChanged(KeyValueStore<String, String> store, String rememberedAs, String key,
                                      Loaded loaded, Object entity) {
        if (Fingerprint.changed(loaded.stored, rememberedAs, entity)) {
            store.put(key, write(entity));
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
