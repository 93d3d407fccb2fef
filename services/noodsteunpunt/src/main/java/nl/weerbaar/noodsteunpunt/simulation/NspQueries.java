package nl.weerbaar.noodsteunpunt.simulation;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Asks this instance's NSP simulation state (interactive query; an exercise lives on the instance that owns its
 * partition): the exercise's model as far as it has come, with its NSPs.
 */
@Component
public class NspQueries {

    private final StreamsBuilderFactoryBean streams;

    NspQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The model, when this instance holds the exercise and its state is ready. */
    public Optional<NspModel> model(String exerciseId) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            String json = store(kafkaStreams, NspStore.EXERCISES).get(exerciseId);
            if (json == null) {
                return Optional.empty();
            }
            NspModel model = NspStore.read(json, NspStore.Exercise.class).model();
            NspStore.world(store(kafkaStreams, NspStore.EXERCISES), exerciseId).ifPresent(w -> w.into(model));
            NspStore.pending(store(kafkaStreams, NspStore.EXERCISES), exerciseId).ifPresent(p -> model.pending = p);
            Map<String, Site> sites = NspStore.sites(store(kafkaStreams, NspStore.SITES),
                    store(kafkaStreams, NspStore.PRESENT), exerciseId);
            model.sites = sites;
            return Optional.of(model);
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // rebalancing: ask again
        }
    }

    private static ReadOnlyKeyValueStore<String, String> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
