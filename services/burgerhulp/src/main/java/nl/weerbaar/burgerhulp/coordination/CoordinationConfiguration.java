package nl.weerbaar.burgerhulp.coordination;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
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
 * The coordination as a Kafka Streams topology (application id {@code burgerhulp-coordination-streams},
 * exactly_once_v2; not the old listener group {@code burgerhulp-coordination}, whose offsets it must not take over):
 * <pre>
 *   weerbaar.vital-status.v1 (by provider) ─ inputs ─┬─ dead letters ─▶ weerbaar.vital-status.v1.dlt
 *                                                    └─ by exercise ─▶ repartition "coordination-vital"
 *   weerbaar.noodsteunpunt.v1 (by NSP)     ─ inputs ─┬─ …            ─▶ repartition "coordination-nsp"
 *   weerbaar.burgerhulp.v1 (by request)    ─ inputs ─┬─ …            ─▶ repartition "coordination-people"
 *   weerbaar.exercise.v1 (by exercise) ─── merge ─ CoordinationProcessor
 *        [coordination-exercises, coordination-volunteers, coordination-requests, coordination-inputs]
 *        ─▶ weerbaar.burgerhulp.v1 (by request / volunteer) | dead letters; its watermarks on every partition
 * </pre>
 * Inputs wait until the clock and the watermarks of vital-status and noodsteunpunt have passed their time.
 */
@Configuration
@EnableKafkaStreams
@EnableConfigurationProperties(CoordinationConfiguration.CoordinationProperties.class)
class CoordinationConfiguration {

    static final String PROCESSOR = "burgerhulp-coordination-streams";

    /**
     * How burgerhulp coordinates ({@code weerbaar.burgerhulp.*}); see {@link CoordinationRules}.
     *
     * @param offersPerRound   volunteers asked at once for one help request
     * @param offerMinutes     how long an offer waits for its answer, by urgency
     * @param taskMinutes      how long a task takes once the volunteer is there
     * @param maxTravelMinutes the farthest a volunteer is asked to travel (minutes at their travel speed)
     * @param pool             who of the population reports in as a volunteer
     * @param phoneProviders   provider ids of which one working is enough to phone volunteers, besides those the
     *                         scenario gives {@code role: mobile-network} or {@code fixed-network}; none by default
     * @param fuelProviders    provider ids of fuel (without them, volunteers go by bike) besides those the scenario
     *                         gives {@code role: fuel-supply}; none by default
     */
    @ConfigurationProperties("weerbaar.burgerhulp")
    record CoordinationProperties(@DefaultValue("3") int offersPerRound, @DefaultValue OfferMinutes offerMinutes,
                                  @DefaultValue("30") int taskMinutes, @DefaultValue("60") int maxTravelMinutes,
                                  @DefaultValue Pool pool,
                                  Set<String> phoneProviders, Set<String> fuelProviders) {

        CoordinationProperties {
            phoneProviders = phoneProviders == null ? Set.of() : phoneProviders;
            fuelProviders = fuelProviders == null ? Set.of() : fuelProviders;
        }

        /**
         * @param immediate minutes an offer for an immediate need waits for its answer
         * @param urgent    minutes for an urgent need
         * @param normal    minutes for a normal need
         */
        record OfferMinutes(@DefaultValue("3") int immediate, @DefaultValue("10") int urgent,
                            @DefaultValue("30") int normal) {
        }

        /**
         * @param reportInShare share of the registered volunteers that reports in during an outage
         * @param reportInKm    how far from their NSP those that report in live at most
         */
        record Pool(@DefaultValue("0.4") double reportInShare, @DefaultValue("3") double reportInKm) {
        }

        CoordinationRules rules() {
            return new CoordinationRules(offersPerRound, offerMinutes.immediate(), offerMinutes.urgent(),
                    offerMinutes.normal(), taskMinutes, pool.reportInShare(), pool.reportInKm(), maxTravelMinutes);
        }
    }

    /** @param phones providers of which one working is enough to phone volunteers; @param fuel fuel providers */
    record OutageLinks(Set<String> phones, Set<String> fuel) {
    }

    /** The kit's stream settings under this processor's own application id (set in code, as the others do). */
    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration coordinationStreamsConfig(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                   SslBundles ssl) {
        return StreamsSettings.unordered(kafka, connection, ssl, PROCESSOR);
    }

    @Bean
    CoordinationRules coordinationRules(CoordinationProperties properties) {
        return properties.rules();
    }

    @Bean
    OutageLinks outageLinks(CoordinationProperties properties) {
        return new OutageLinks(properties.phoneProviders(), properties.fuelProviders());
    }

    @Bean
    KStream<String, Routed> coordination(StreamsBuilder builder, SchemaValidator validator, CoordinationRules rules,
                                         OutageLinks links, CoordinationMetrics metrics, KafkaKitProperties kafka,
                                         Clock clock) {
        // A national exercise's volunteers and requests are hundreds of megabytes: on disk (RocksDB, bounded
        // off-heap memory, see BoundedRocksDb), not on the heap, which they filled in the national benchmark
        return topology(builder, new StreamEvents(validator, "burgerhulp", PROCESSOR, clock),
                new CoordinationStep(rules, links), metrics, kafka.partitions(), Stores::persistentKeyValueStore);
    }

    /**
     * Builds the topology on {@code builder}, its large stores from {@code largeStores}; also used by the tests'
     * TopologyTestDriver, with in-memory stores (it commits, and so flushes RocksDB to a file, after every record).
     * The exercises' entries are few and read on every record, and the held inputs a queue — put, scanned by time,
     * deleted — which RocksDB serves badly (a scan seeks past the deletions' tombstones until a compaction: 14 of 15
     * samples of the stream thread in the national run): both always in memory.
     */
    static KStream<String, Routed> topology(StreamsBuilder builder, StreamEvents events, CoordinationStep step,
                                            CoordinationMetrics metrics, int partitions,
                                            Function<String, KeyValueBytesStoreSupplier> largeStores) {
        for (String store : List.of(CoordinationStore.EXERCISES, CoordinationStore.INPUTS)) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(),
                    Serdes.String()));
        }
        for (String store : List.of(CoordinationStore.VOLUNTEERS, CoordinationStore.REQUESTS)) {
            builder.addStateStore(Stores.keyValueStoreBuilder(largeStores.apply(store), Serdes.String(),
                    Serdes.String()));
        }
        Consumed<String, Routed> consumed = Consumed.with(Serdes.String(), Routed.serde());
        Produced<String, Routed> produced = Produced.with(Serdes.String(), Routed.serde())
                .withStreamPartitioner(Routed.partitioner());

        KStream<String, Routed> merged = builder.stream(Topics.EXERCISE, consumed.withName("exercise"));
        for (Map.Entry<String, String> input : Map.of("vital", Topics.VITAL_STATUS, "nsp", Topics.NOODSTEUNPUNT,
                "people", Topics.BURGERHULP).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            merged = merged.merge(byExercise(builder, events, step, input.getValue(), input.getKey(), consumed,
                    produced), Named.as("with-" + input.getKey()));
        }
        KStream<String, Routed> decided = merged.process(() -> new CoordinationProcessor(events, step, metrics, partitions),
                Named.as("coordination"), CoordinationStore.EXERCISES, CoordinationStore.VOLUNTEERS,
                CoordinationStore.REQUESTS, CoordinationStore.INPUTS);
        decided.to((key, value, context) -> value.topic(), produced.withName("burgerhulp-sink"));
        return decided;
    }

    /** The input a topic holds for the coordination, keyed by exercise so it meets the exercise's clock. */
    private static KStream<String, Routed> byExercise(StreamsBuilder builder, StreamEvents events,
                                                      CoordinationStep step, String topic, String name,
                                                      Consumed<String, Routed> consumed,
                                                      Produced<String, Routed> produced) {
        KStream<String, Routed> picked = builder.stream(topic, consumed.withName(name))
                .process(() -> new ExerciseKeyedInputs(events, CoordinationStep.CANDIDATES, step::isInput),
                        Named.as(name + "-inputs"));
        picked.filter((key, value) -> value.isDeadLetter(), Named.as(name + "-dead-letters"))
                .to((key, value, context) -> value.topic(), produced.withName(name + "-dead-letter-sink"));
        return picked.filterNot((key, value) -> value.isDeadLetter(), Named.as(name + "-input"))
                .repartition(Repartitioned.<String, Routed>as("coordination-" + name)
                        .withKeySerde(Serdes.String()).withValueSerde(Routed.serde()));
    }
}
