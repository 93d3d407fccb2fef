package nl.weerbaar.vitalstatus.simulation;

import java.time.Clock;
import java.util.Set;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.kafka.KafkaKitProperties;
import nl.weerbaar.kit.streams.ExerciseKeyedInputs;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.streams.StreamsSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;

/**
 * The cascade simulation as a Kafka Streams topology (application id {@code vital-status-simulation}, exactly_once_v2):
 * <pre>
 *   weerbaar.vital-status.v1 (by provider) ─ inputs ───────┬─ dead letters ─▶ weerbaar.vital-status.v1.dlt
 *                                                           └─ by exercise ─▶ repartition "cascade-input"
 *   weerbaar.exercise.v1 (by exercise) ─────────────────────────── merge (scenario-time order) ─ CascadeProcessor
 *        [stores cascade-exercises, cascade-providers] ─▶ weerbaar.vital-status.v1 (by provider) | dead letters
 *        and, when an exercise's time moved, a watermark (vital-progress-marked) on every partition of the topic
 * </pre>
 */
@Configuration
@EnableKafkaStreams
@EnableConfigurationProperties(SimulationConfiguration.SimulationProperties.class)
class SimulationConfiguration {

    static final String PROCESSOR = "vital-status-simulation";

    /**
     * The simulation's rules ({@code weerbaar.vital.*}).
     *
     * @param lowBackupHours           a provider on backup with fewer hours left raises a backup-low alert
     * @param emergencyNumberProviders provider ids that count as the emergency number (112) besides those the scenario
     *                                 gives {@code role: emergency-number}; none by default
     */
    @ConfigurationProperties("weerbaar.vital")
    record SimulationProperties(@DefaultValue("2") double lowBackupHours, Set<String> emergencyNumberProviders) {

        SimulationProperties {
            emergencyNumberProviders = emergencyNumberProviders == null ? Set.of() : emergencyNumberProviders;
        }
    }

    /**
     * The kit's stream settings (exactly_once_v2, event-time topics) under this processor's own application id, set
     * here rather than in application.yml: a test JVM that runs vital-status beside another service reads that
     * service's application.yml, and the id must never fall back to a listener's group id.
     */
    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration cascadeStreamsConfig(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                   SslBundles ssl) {
        return StreamsSettings.ordered(kafka, connection, ssl, PROCESSOR);
    }

    @Bean
    CascadeModel.Rules cascadeRules(SimulationProperties properties) {
        return new CascadeModel.Rules(properties.lowBackupHours(), properties.emergencyNumberProviders());
    }

    @Bean
    KStream<String, Routed> cascade(StreamsBuilder builder, SchemaValidator validator, CascadeModel.Rules rules,
                                    CascadeMetrics metrics, KafkaKitProperties kafka, Clock clock) {
        return topology(builder, new StreamEvents(validator, "vital-status", PROCESSOR, clock), rules, metrics,
                kafka.partitions());
    }

    /** Builds the topology on {@code builder}; also used by the tests' TopologyTestDriver. */
    static KStream<String, Routed> topology(StreamsBuilder builder, StreamEvents events, CascadeModel.Rules rules,
                                            CascadeMetrics metrics, int partitions) {
        // state is small per exercise (its providers) and rebuilt from the changelog topics on restart
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CascadeState.EXERCISES),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CascadeState.PROVIDERS),
                Serdes.String(), Serdes.String()));
        Consumed<String, Routed> consumed = Consumed.with(Serdes.String(), Routed.serde());
        Produced<String, Routed> produced = Produced.with(Serdes.String(), Routed.serde())
                .withStreamPartitioner(Routed.partitioner());

        KStream<String, Routed> vital = builder.stream(Topics.VITAL_STATUS, consumed.withName("vital-status"))
                .process(() -> new ExerciseKeyedInputs(events, CascadeStep.CANDIDATES, CascadeStep::isInput),
                        Named.as("cascade-inputs"));
        vital.filter((key, value) -> value.isDeadLetter(), Named.as("vital-dead-letters"))
                .to((key, value, context) -> value.topic(), produced.withName("vital-dead-letter-sink"));
        KStream<String, Routed> posted = vital.filterNot((key, value) -> value.isDeadLetter(), Named.as("posted"))
                .repartition(Repartitioned.<String, Routed>as("cascade-input")
                        .withKeySerde(Serdes.String()).withValueSerde(Routed.serde()));

        KStream<String, Routed> decided = builder.stream(Topics.EXERCISE, consumed.withName("exercise"))
                .merge(posted, Named.as("scenario-time-order"))
                .process(() -> new CascadeProcessor(events, rules, metrics, partitions), Named.as("cascade"),
                        CascadeState.EXERCISES, CascadeState.PROVIDERS);
        decided.to((key, value, context) -> value.topic(), produced.withName("vital-status-sink"));
        return decided;
    }
}
