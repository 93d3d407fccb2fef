package nl.weerbaar.vitalstatus.simulation;

import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Asks this instance's cascade state (interactive query; an exercise lives on the instance that owns its partition):
 * how far the simulation of an exercise has come, and whether it has taken in the end.
 */
@Component
public class CascadeQueries {

    private final StreamsBuilderFactoryBean streams;

    CascadeQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /** The simulation's progress, when this instance holds the exercise and its state is ready. */
    public Optional<Progress> progress(String exerciseId) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        try {
            ReadOnlyKeyValueStore<String, String> store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                    CascadeState.EXERCISES, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(exerciseId)).map(json -> {
                CascadeState.Exercise e = CascadeState.read(json, CascadeState.Exercise.class);
                return new Progress(e.now(), e.ended());
            });
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // rebalancing: ask again
        }
    }

    /** Scenario time the simulation has reached; ended once it took in the exercise's end. */
    public record Progress(long scenarioTimeSeconds, boolean ended) {
    }
}
