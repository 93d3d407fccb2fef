package nl.weerbaar.burgerhulp.coordination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Asks this instance's coordination state (interactive query; an exercise lives on the instance that owns its
 * partition): a help request as the model that decides has it now, or the model as far as it has come.
 */
@Component
public class CoordinationQueries {

    private final StreamsBuilderFactoryBean streams;

    CoordinationQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The request as the coordination has decided it so far. */
    public Optional<RequestState> request(String exerciseId, String requestId) {
        return store(CoordinationStore.REQUESTS)
                .map(s -> s.get(exerciseId + "/" + requestId))
                .map(json -> CoordinationStore.read(json, RequestState.class));
    }

    /** The model with its volunteers and requests, when this instance holds the exercise and its state is ready. */
    public Optional<CoordinationModel> model(String exerciseId) {
        Optional<String> json = store(CoordinationStore.EXERCISES).map(s -> s.get(exerciseId));
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            CoordinationModel model = CoordinationStore.read(json.get(), CoordinationStore.Exercise.class).model();
            store(CoordinationStore.EXERCISES).flatMap(s -> CoordinationStore.nsps(s, exerciseId))
                    .ifPresent(nsps -> model.nsps = nsps);
            model.volunteers = entries(CoordinationStore.VOLUNTEERS, exerciseId, VolunteerState.class, v -> v.order);
            model.requests = entries(CoordinationStore.REQUESTS, exerciseId, RequestState.class, r -> r.order);
            return Optional.of(model);
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // rebalancing: ask again
        }
    }

    private <T> Map<String, T> entries(String store, String exerciseId, Class<T> type, ToLongFunction<T> order) {
        return store(store).map(s -> CoordinationStore.inOrder(s, exerciseId + "/", type, order))
                .orElseGet(LinkedHashMap::new);
    }

    private Optional<ReadOnlyKeyValueStore<String, String>> store(String name) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            return Optional.of(kafkaStreams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.keyValueStore())));
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // rebalancing: ask again
        }
    }
}
