package nl.weerbaar.noodsteunpunt.simulation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.ProgressMarks;
import nl.weerbaar.kit.streams.StateJson;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The NSP simulation's keyed state, at the grain of the NSP: one entry per exercise (the model's clock, places,
 * darkness, households on their way, and how far each input has come), one per NSP ({@code exerciseId/nspId}: state,
 * households present, stock), and the inputs held until every input stream has passed their scenario time
 * ({@code exerciseId/time/rank/order}, so a range scan gives them in the order they are applied). A step writes back
 * only the entries it changed.
 */
final class NspStore {

    static final String EXERCISES = "nsp-exercises";
    static final String SITES = "nsp-sites";
    static final String INPUTS = "nsp-inputs";

    /** Inputs of one scenario moment: the clock and population first, then what vital-status decided, then people. */
    static final int CLOCK = 0;
    static final int VITAL = 1;
    static final int PEOPLE = 2;

    private static final StateJson JSON = new StateJson(
            EventJson.mapper().copy().addMixIn(NspModel.class, WithoutSites.class), "NSP simulation state");

    @JsonIgnoreProperties("sites")
    private abstract static class WithoutSites {
    }

    /**
     * An exercise's entry. {@code clockAt}: the latest scenario time on the exercise topic ({@code clockEnded}: it
     * said the exercise is over); {@code vital}: vital-status's watermarks; {@code sites}: the NSPs' ids, in order.
     */
    record Exercise(NspModel model, List<String> sites, long clockAt, boolean clockEnded, ProgressMarks.Low vital) {

        static Exercise fresh(String exerciseId) {
            return new Exercise(new NspModel(exerciseId), List.of(), -1, false, ProgressMarks.Low.none());
        }

        /** Scenario time through which every input stream is complete: inputs up to it may be applied. */
        long complete() {
            long clock = clockEnded ? clockAt : clockAt - 1; // the clock at T may still bring more at T
            return Math.min(clock, vital.low());
        }
    }

    /** An exercise's state for one step and what it was when loaded, so that {@link #save} writes only changes. */
    static final class Loaded {
        Exercise exercise;
        final Map<String, String> stored;
        boolean sitesLoaded;

        Loaded(Exercise exercise, Map<String, String> stored) {
            this.exercise = exercise;
            this.stored = stored;
        }
    }

    private final KeyValueStore<String, String> exercises;
    private final KeyValueStore<String, String> sites;
    private final KeyValueStore<String, String> inputs;

    NspStore(KeyValueStore<String, String> exercises, KeyValueStore<String, String> sites,
             KeyValueStore<String, String> inputs) {
        this.exercises = exercises;
        this.sites = sites;
        this.inputs = inputs;
    }

    Loaded load(String exerciseId) {
        String json = exercises.get(exerciseId);
        Map<String, String> stored = new HashMap<>();
        if (json == null) {
            return new Loaded(Exercise.fresh(exerciseId), stored);
        }
        stored.put(exerciseId, json);
        return new Loaded(read(json, Exercise.class), stored);
    }

    /** The exercise's NSPs into its model, once per step: only a step that applies an input needs them. */
    void loadSites(Loaded loaded) {
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
        loaded.stored.putAll(json);
        Map<String, Site> byId = new LinkedHashMap<>();
        for (String id : loaded.exercise.sites()) {
            byId.put(id, read(json.get(prefix(exerciseId) + id), Site.class));
        }
        loaded.exercise.model().sites = byId;
    }

    void save(Loaded loaded) {
        NspModel model = loaded.exercise.model();
        List<String> ids = loaded.sitesLoaded ? List.copyOf(model.sites.keySet()) : loaded.exercise.sites();
        Exercise exercise = new Exercise(model, ids, loaded.exercise.clockAt(), loaded.exercise.clockEnded(),
                loaded.exercise.vital());
        String json = write(exercise);
        if (!json.equals(loaded.stored.get(model.exerciseId))) {
            exercises.put(model.exerciseId, json);
        }
        if (loaded.sitesLoaded) {
            model.sites.forEach((id, site) -> {
                String key = prefix(model.exerciseId) + id;
                String siteJson = write(site);
                if (!siteJson.equals(loaded.stored.get(key))) {
                    sites.put(key, siteJson);
                }
            });
        }
    }

    /** Holds an input until every input stream has passed its scenario time. */
    void hold(InboundEvent event, int rank, String order) {
        inputs.put(inputKey(event.exerciseId(), event.scenarioTimeSeconds(), rank, order), write(event));
    }

    /**
     * The inputs held up to and including scenario time {@code upTo}, in the order they are applied, and then what
     * people did at the next moment: removed. People's input needs no more than everything before it (what they did
     * at T is not ordered against the clock's other events at T anyway), so an operator's check-in while the exercise
     * is paused at T is taken in at once, not when the clock moves on.
     */
    List<InboundEvent> release(String exerciseId, long upTo) {
        List<InboundEvent> due = new ArrayList<>();
        if (upTo < 0) {
            return due;
        }
        List<String> keys = new ArrayList<>();
        String from = prefix(exerciseId);
        String people = inputKey(exerciseId, upTo + 1, PEOPLE, "");
        for (String[] range : new String[][] {{from, prefix(exerciseId) + "%012d/~".formatted(upTo)},
                {people, people + "~"}}) {
            try (KeyValueIterator<String, String> it = inputs.range(range[0], range[1])) {
                while (it.hasNext()) {
                    KeyValue<String, String> entry = it.next();
                    keys.add(entry.key);
                    due.add(read(entry.value, InboundEvent.class));
                }
            }
        }
        keys.forEach(inputs::delete);
        return due;
    }

    private static String inputKey(String exerciseId, long at, int rank, String order) {
        return prefix(exerciseId) + "%012d/%d/%s".formatted(Math.max(0, at), rank, order);
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
