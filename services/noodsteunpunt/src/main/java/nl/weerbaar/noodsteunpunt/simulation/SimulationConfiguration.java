package nl.weerbaar.noodsteunpunt.simulation;

import java.time.Clock;
import java.util.List;
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
 * The NSP simulation as a Kafka Streams topology (application id {@code noodsteunpunt-nsp-simulation}, exactly_once_v2;
 * not the old listener group {@code noodsteunpunt-simulation}, whose committed offsets it must not take over):
 * <pre>
 *   weerbaar.vital-status.v1 (by provider)  ─ inputs ────┬─ dead letters ─▶ weerbaar.vital-status.v1.dlt
 *                                                        └─ by exercise ─▶ repartition "nsp-vital"
 *   weerbaar.noodsteunpunt.v1 (by NSP)      ─ inputs ────┬─ dead letters ─▶ weerbaar.noodsteunpunt.v1.dlt
 *                                                        └─ by exercise ─▶ repartition "nsp-commands"
 *   weerbaar.exercise.v1 (by exercise) ─── merge ─ NspProcessor [nsp-exercises, nsp-sites, nsp-present, nsp-inputs]
 *        ─▶ weerbaar.noodsteunpunt.v1 (by NSP) | dead letters; its watermarks (nsp-progress-marked) on every partition
 * </pre>
 * The processor holds every input until both the clock and vital-status's watermarks have passed its scenario time
 * (store {@code nsp-inputs}), then applies them in scenario-time order: the outcome never depends on which topic was
 * read faster.
 */
@Configuration
@EnableKafkaStreams
@EnableConfigurationProperties(SimulationConfiguration.NspProperties.class)
class SimulationConfiguration {

    static final String PROCESSOR = "noodsteunpunt-nsp-simulation";

    /**
     * The NSP policies of a deployment ({@code weerbaar.nsp.*}); see {@link NspRules}.
     *
     * @param powerSectors              sectors whose outage in a place counts as "no power" there, besides the
     *                                  providers the scenario gives {@code role: grid}; none by default
     * @param emergencyNumbers          provider ids that count as the emergency number (112) besides those the
     *                                  scenario gives {@code role: emergency-number}; none by default
     * @param openAfterPowerDownMinutes an NSP opens this long after its place lost power
     * @param openAfter112DownMinutes   or this long after 112 went down, whichever is first
     * @param openingMinutes            how long opening takes (state opening) before it is open
     * @param closeAfterRestoreMinutes  an NSP closes this long after its place has power again
     * @param thresholdsPercent         occupancy thresholds that raise a notice (percent of capacity)
     * @param reopenBelowPercent        a full NSP takes people in again below this occupancy
     * @param stock                     the NSPs' supplies and their use
     */
    @ConfigurationProperties("weerbaar.nsp")
    record NspProperties(Set<String> powerSectors,
                         Set<String> emergencyNumbers,
                         @DefaultValue("60") int openAfterPowerDownMinutes,
                         @DefaultValue("30") int openAfter112DownMinutes,
                         @DefaultValue("30") int openingMinutes,
                         @DefaultValue("120") int closeAfterRestoreMinutes,
                         @DefaultValue({"80", "100"}) List<Integer> thresholdsPercent,
                         @DefaultValue("90") int reopenBelowPercent,
                         @DefaultValue Stock stock) {

        NspProperties {
            powerSectors = powerSectors == null ? Set.of() : powerSectors;
            emergencyNumbers = emergencyNumbers == null ? Set.of() : emergencyNumbers;
        }

        /**
         * @param waterLitresPerPlace  litres of water an NSP holds per place of capacity at opening
         * @param rationsPerPlace      food rations per place of capacity at opening
         * @param generatorHours       hours of generator fuel at opening
         * @param waterPerPersonDay    litres one person uses a day
         * @param rationsPerPersonDay  rations one person uses a day
         * @param lowShare             a supply below this share of its opening level is reported low
         * @param deliveryHours        hours from a low report to a delivery
         */
        record Stock(@DefaultValue("7") double waterLitresPerPlace, @DefaultValue("6") double rationsPerPlace,
                     @DefaultValue("24") double generatorHours, @DefaultValue("3.5") double waterPerPersonDay,
                     @DefaultValue("3") double rationsPerPersonDay, @DefaultValue("0.25") double lowShare,
                     @DefaultValue("4") double deliveryHours) {
        }

        NspRules rules() {
            return new NspRules(powerSectors, emergencyNumbers, openAfterPowerDownMinutes, openAfter112DownMinutes,
                    openingMinutes, closeAfterRestoreMinutes, thresholdsPercent.stream().sorted().toList(),
                    reopenBelowPercent, new NspRules.Supplies(stock.waterLitresPerPlace(), stock.rationsPerPlace(),
                            stock.generatorHours(), stock.waterPerPersonDay(), stock.rationsPerPersonDay(),
                            stock.lowShare(), stock.deliveryHours()));
        }
    }

    /** The kit's stream settings under this processor's own application id (set in code, as vital-status does). */
    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration nspStreamsConfig(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                   SslBundles ssl) {
        return StreamsSettings.unordered(kafka, connection, ssl, PROCESSOR);
    }

    @Bean
    NspRules nspRules(NspProperties properties) {
        return properties.rules();
    }

    @Bean
    KStream<String, Routed> nspSimulation(StreamsBuilder builder, SchemaValidator validator, NspRules rules,
                                          NspMetrics metrics, KafkaKitProperties kafka, Clock clock) {
        return topology(builder, new StreamEvents(validator, "noodsteunpunt", PROCESSOR, clock), rules, metrics,
                kafka.partitions());
    }

    /** Builds the topology on {@code builder}; also used by the tests' TopologyTestDriver. */
    static KStream<String, Routed> topology(StreamsBuilder builder, StreamEvents events, NspRules rules,
                                            NspMetrics metrics, int partitions) {
        for (String store : List.of(NspStore.EXERCISES, NspStore.SITES, NspStore.PRESENT, NspStore.INPUTS)) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store),
                    Serdes.String(), Serdes.String()));
        }
        Consumed<String, Routed> consumed = Consumed.with(Serdes.String(), Routed.serde());
        Produced<String, Routed> produced = Produced.with(Serdes.String(), Routed.serde())
                .withStreamPartitioner(Routed.partitioner());

        KStream<String, Routed> vital = byExercise(builder, events, Topics.VITAL_STATUS, "vital", consumed, produced);
        KStream<String, Routed> commands = byExercise(builder, events, Topics.NOODSTEUNPUNT, "commands", consumed,
                produced);
        KStream<String, Routed> decided = builder.stream(Topics.EXERCISE, consumed.withName("exercise"))
                .merge(vital, Named.as("with-vital"))
                .merge(commands, Named.as("with-commands"))
                .process(() -> new NspProcessor(events, rules, metrics, partitions), Named.as("nsp-simulation"),
                        NspStore.EXERCISES, NspStore.SITES, NspStore.PRESENT, NspStore.INPUTS);
        decided.to((key, value, context) -> value.topic(), produced.withName("noodsteunpunt-sink"));
        return decided;
    }

    /** The input a topic holds for the simulation, keyed by exercise so it meets the exercise's clock. */
    private static KStream<String, Routed> byExercise(StreamsBuilder builder, StreamEvents events, String topic,
                                                      String name, Consumed<String, Routed> consumed,
                                                      Produced<String, Routed> produced) {
        KStream<String, Routed> picked = builder.stream(topic, consumed.withName(name))
                .process(() -> new ExerciseKeyedInputs(events, NspStep.CANDIDATES, NspStep::isInput),
                        Named.as(name + "-inputs"));
        picked.filter((key, value) -> value.isDeadLetter(), Named.as(name + "-dead-letters"))
                .to((key, value, context) -> value.topic(), produced.withName(name + "-dead-letter-sink"));
        return picked.filterNot((key, value) -> value.isDeadLetter(), Named.as(name + "-input"))
                .repartition(Repartitioned.<String, Routed>as("nsp-" + name)
                        .withKeySerde(Serdes.String()).withValueSerde(Routed.serde()));
    }
}
