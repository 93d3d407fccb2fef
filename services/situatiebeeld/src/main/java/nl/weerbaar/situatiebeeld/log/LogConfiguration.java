package nl.weerbaar.situatiebeeld.log;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.streams.ExerciseKeyedInputs;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import nl.weerbaar.kit.streams.StreamsSettings;
import nl.weerbaar.situatiebeeld.verdict.VerdictProcessor;
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
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;

/**
 * The picture log as a Kafka Streams topology (application id {@value #PROCESSOR}, exactly_once_v2):
 * <pre>
 *   the four topics (keyed by exercise, provider, NSP, request) ─ events ─┬─ dead letters ─▶ &lt;topic&gt;.dlt
 *                                                                         └─ by exercise ─▶ repartition "picture-log"
 *        ├─ LogAppender [picture-log-sequences] ─▶ MongoDB picture_log (one entry per event id, numbered per exercise)
 *        └─ VerdictProcessor [exercise-verdicts] ─▶ expectation-evaluated on weerbaar.crisis-team.v1
 * </pre>
 * All events of an exercise meet on one partition, so exactly one task appends them, numbering them in the order it
 * takes them in; an entry is therefore visible in MongoDB only after every entry with a lower number. That lets every
 * instance of situatiebeeld follow the log ({@code LogFollower}) and keep a complete live picture, however the topics'
 * partitions are spread over the instances.
 */
@Configuration
@EnableKafkaStreams
class LogConfiguration {

    static final String PROCESSOR = "situatiebeeld-log";

    /** Every event type but the watermarks (they are progress, not events). */
    static final Set<EventType> LOGGED = Arrays.stream(EventType.values()).filter(t -> !t.isProgressMark())
            .collect(Collectors.toUnmodifiableSet());

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration logStreamsConfig(KafkaProperties kafka, KafkaConnectionDetails connection,
                                                   SslBundles ssl) {
        return StreamsSettings.unordered(kafka, connection, ssl, PROCESSOR);
    }

    @Bean
    KStream<String, Routed> pictureLogTopology(StreamsBuilder builder, SchemaValidator validator, PictureLog log, Clock clock) {
        return topology(builder, new StreamEvents(validator, "situatiebeeld", PROCESSOR, clock), log);
    }

    /** Builds the topology on {@code builder}; also used by the tests' TopologyTestDriver. */
    static KStream<String, Routed> topology(StreamsBuilder builder, StreamEvents events, PictureLog log) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(LogAppender.SEQUENCES),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(LogBuffer.builder());
        Consumed<String, Routed> consumed = Consumed.with(Serdes.String(), Routed.serde());
        Produced<String, Routed> produced = Produced.with(Serdes.String(), Routed.serde())
                .withStreamPartitioner(Routed.partitioner());
        KStream<String, Routed> picked = builder.stream(List.of(Topics.EXERCISE, Topics.VITAL_STATUS,
                        Topics.NOODSTEUNPUNT, Topics.BURGERHULP, Topics.CRISIS_TEAM), consumed.withName("events"))
                .process(() -> new ExerciseKeyedInputs(events, LOGGED, event -> true), Named.as("by-exercise"));
        picked.filter((key, value) -> value.isDeadLetter(), Named.as("dead-letters"))
                .to((key, value, context) -> value.topic(), produced.withName("dead-letter-sink"));
        KStream<String, Routed> byExercise = picked.filterNot((key, value) -> value.isDeadLetter(), Named.as("logged"))
                .repartition(Repartitioned.<String, Routed>as("picture-log").withKeySerde(Serdes.String())
                        .withValueSerde(Routed.serde()));
        byExercise.process(() -> new LogAppender(events, log), Named.as("append"), LogAppender.SEQUENCES,
                LogBuffer.NAME);
        // the objectives' verdicts, on the crisis-team topic (cached: a put per event, one changelog write per commit)
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(VerdictProcessor.STORE),
                Serdes.String(), Serdes.String()).withCachingEnabled());
        byExercise.process(() -> new VerdictProcessor(events), Named.as("verdicts"), VerdictProcessor.STORE)
                .to((key, value, context) -> value.topic(), produced.withName("verdict-sink"));
        return picked;
    }
}
