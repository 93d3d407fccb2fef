package nl.weerbaar.kit.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ProgressMarked;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvent;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The watermark join of a simulation that reads several topics side by side. Every input is held in a store
 * ({@code exerciseId/time/rank/position}) until the exercise clock and every upstream service's watermarks have
 * passed its scenario time; then the held inputs are released in the order they are applied — scenario time, then
 * the clock before upstream services before people, each in the order it was written. So the model sees the same
 * inputs in the same order whatever was read first, however fast, on however busy a machine.
 * <p>
 * People's input (REST commands of this service) needs no more than everything before it: what people did at T is
 * not ordered against the clock's other events at T anyway, so it is released once everything up to T - 1 is, and an
 * operator's action while the exercise is paused is taken in at once.
 */
public final class HeldInputs {

    public static final int CLOCK = 0;
    public static final int PEOPLE = 9;

    private static final StateJson JSON = new StateJson(EventJson.mapper(), "held input");

    private final KeyValueStore<String, String> store;
    private final Map<String, Integer> rankByTopic;
    private final Set<String> upstream;
    private final Predicate<InboundEvent> isInput;

    /**
     * @param rankByTopic each topic's place among the inputs of one moment ({@link #PEOPLE} for the service's own)
     * @param upstream    the services whose watermarks must have passed a moment
     */
    public HeldInputs(KeyValueStore<String, String> store, Map<String, Integer> rankByTopic, Set<String> upstream,
                      Predicate<InboundEvent> isInput) {
        this.store = store;
        this.rankByTopic = rankByTopic;
        this.upstream = upstream;
        this.isInput = isInput;
    }

    /** Takes in a record's event: moves the inputs' progress on, and holds the event when it is input. */
    public InputProgress take(InputProgress progress, InboundEvent event, Record<String, Routed> record) {
        if (event.type() == EventType.CLOCK_PROGRESS_MARKED) {
            return progress.clock(event); // the clock's own mark: as far as the exercise topic has come
        }
        if (event.type().isProgressMark()) {
            return progress.marked(event.payload(ProgressMarked.class));
        }
        String topic = event.type().topic();
        if (Topics.EXERCISE.equals(topic)) {
            if (isInput.test(event) && FirstDelivery.of(store, event.exerciseId(), event.id())) {
                hold(event, CLOCK, ExerciseKeyedInputs.position(0, event.offset()));
            }
            return progress.clock(event);
        }
        // re-keyed on the way here, keeping where the record was first written
        hold(event, rankByTopic.getOrDefault(topic, PEOPLE), ExerciseKeyedInputs.sourceOf(record, event));
        return progress;
    }

    /** Scenario time through which every input of the exercise is complete. */
    public long complete(InputProgress progress) {
        return progress.complete(upstream);
    }

    private void hold(InboundEvent event, int rank, String position) {
        store.put(key(event.exerciseId(), event.scenarioTimeSeconds(), rank, position), JSON.write(event));
    }

    /** The inputs now due, in the order they are applied, removed from the store. */
    public List<InboundEvent> release(String exerciseId, InputProgress progress) {
        long upTo = complete(progress);
        List<InboundEvent> due = new ArrayList<>();
        if (upTo < 0) {
            return due;
        }
        List<String> keys = new ArrayList<>();
        String people = key(exerciseId, upTo + 1, PEOPLE, "");
        for (String[] range : new String[][] {{prefix(exerciseId), prefix(exerciseId) + "%012d/~".formatted(upTo)},
                {people, people + "~"}}) {
            try (KeyValueIterator<String, String> it = store.range(range[0], range[1])) {
                while (it.hasNext()) {
                    KeyValue<String, String> entry = it.next();
                    keys.add(entry.key);
                    due.add(JSON.read(entry.value, InboundEvent.class));
                }
            }
        }
        keys.forEach(store::delete);
        return due;
    }

    private static String key(String exerciseId, long at, int rank, String position) {
        return prefix(exerciseId) + "%012d/%d/%s".formatted(Math.max(0, at), rank, position);
    }

    private static String prefix(String exerciseId) {
        return exerciseId + "/";
    }
}
