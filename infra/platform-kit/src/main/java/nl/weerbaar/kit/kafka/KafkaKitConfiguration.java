package nl.weerbaar.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InvalidEventException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Topics and the consumer error policy. A record that breaks its contract goes straight to {@code <topic>.dlt};
 * one that fails otherwise is retried with backoff first; while the read-model store is unreachable the consumer
 * keeps retrying the same record (it stops, it does not skip), so nothing is lost while MongoDB is down.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(KafkaKitProperties.class)
public class KafkaKitConfiguration {

    /** Header on dead-lettered records with the root cause, next to Spring's kafka_dlt-* headers. */
    public static final String DEAD_LETTER_REASON = "weerbaar_dlt_reason";

    @Bean
    public ReadModelStoreBreaker readModelStoreBreaker(CircuitBreakerRegistry registry,
                                                       org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new ReadModelStoreBreaker(registry, mongo);
    }

    /** Health {@code kafka} (in readiness): the broker answers and the stream processors run. */
    @Bean(name = "kafka")
    public org.springframework.boot.actuate.health.HealthIndicator kafkaHealth(KafkaAdmin admin,
            ObjectProvider<org.springframework.kafka.config.StreamsBuilderFactoryBean> processors) {
        return new KafkaHealth(admin, processors);
    }

    /** Every stream processor of the service replaces a failed thread instead of stopping (ReplaceFailedThreads). */
    @Bean
    public org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(new nl.weerbaar.kit.streams.ReplaceFailedThreads());
    }

    /**
     * Every dead-letter series from zero, for every topic and kind of reason: Prometheus's {@code increase()} misses
     * the first dead letters of a series that appears with them (alert WeerbaarDeadLetters).
     */
    @Bean
    public org.springframework.beans.factory.SmartInitializingSingleton deadLetterMeters() {
        return () -> Topics.ALL.forEach(DeadLetters::register);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    public DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> template, KafkaKitProperties kafka,
                                                 ReadModelStoreBreaker store) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction((record, ex) -> new RecordHeaders(new Header[] {
            new RecordHeader(DEAD_LETTER_REASON, reason(ex).getBytes(StandardCharsets.UTF_8))}));
        ConsumerAwareRecordRecoverer counted = (record, consumer, failure) -> {
            recoverer.accept(record, consumer, failure);
            DeadLetters.count(record.topic(), record.headers(), failure); // once it is on the dead-letter topic
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(counted, new FixedBackOff(kafka.retryIntervalMs(),
                kafka.retries()));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        ExponentialBackOff untilStoreIsBack = new ExponentialBackOff(1_000, 2);
        untilStoreIsBack.setMaxInterval(30_000);
        handler.setBackOffFunction((record, ex) -> {
            if (!StoreUnavailable.isCause(ex)) {
                return null;
            }
            store.failed(ex);
            return untilStoreIsBack;
        });
        return handler;
    }

    /** The container factory of read models folded a poll at a time ({@code InboundEvents.handleBatch}). */
    public static final String BATCH_LISTENERS = "weerbaarBatchListeners";

    /**
     * Like Boot's listener factory (same error handler, customizer and properties), but the listener gets every
     * record of a poll at once and the offsets are committed after the whole batch: a read model reads and writes
     * its documents in bulk instead of several round trips per event.
     */
    @Bean(BATCH_LISTENERS)
    public ConcurrentKafkaListenerContainerFactory<Object, Object> batchListeners(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory,
            ObjectProvider<ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>>
                    customizer) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory.getIfAvailable());
        customizer.ifAvailable(factory::setContainerCustomizer); // as Boot does for its own (fixTxOffsets below)
        factory.setBatchListener(true);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    /** The plain reason a record was sent away, for the operator reading the dead-letter topic. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof SerializationException) {
                return t.getMessage();
            }
            root = t;
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Every publish waits for its acknowledgement ({@code acks=all}), so nothing is in flight when a service stops:
     * closing the producer need not wait the default 30 s for a broker that may be gone already.
     */
    @Bean
    public DefaultKafkaProducerFactoryCustomizer shortProducerClose(KafkaKitProperties kafka) {
        return factory -> factory.setPhysicalCloseTimeout(kafka.producerCloseSeconds());
    }

    /**
     * A listener at the end of a partition written in transactions (the stream processors' topics) commits the
     * offset after the closing transaction marker, so its lag reads 0 when it has read everything (the read-model
     * rebuild and the operators' lag figures rely on that).
     */
    @Bean
    public ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> fixTxOffsets() {
        return container -> container.getContainerProperties().setFixTxOffsets(true);
    }

    /**
     * The largest record a producer sends: a national scenario's file (about 2.4 MB for 3,600 places) or its world
     * in scenario-loaded, with room to spare. Only the topics that carry them, and the stream processors' internal
     * topics (KitDefaults), allow it.
     */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private static final List<String> LARGE_RECORDS = List.of(Topics.EXERCISE, Topics.SCENARIOS);

    @Bean
    public KafkaAdmin.NewTopics weerbaarTopics(KafkaKitProperties kafka) {
        int partitions = kafka.partitions();
        short replicas = kafka.replicationFactor();
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            TopicBuilder builder = TopicBuilder.name(topic).partitions(partitions).replicas(replicas)
                    .config("min.insync.replicas", replicas > 1 ? "2" : "1")
                    .configs(EventTime.TOPIC_CONFIG);
            TopicBuilder deadLetter = TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).replicas(replicas)
                    .configs(EventTime.TOPIC_CONFIG);
            if (LARGE_RECORDS.contains(topic)) {
                // a national scenario's file and world (scenario-loaded: every place and NSP) pass Kafka's 1 MB
                builder.config("max.message.bytes", Integer.toString(MAX_RECORD_BYTES));
                deadLetter.config("max.message.bytes", Integer.toString(MAX_RECORD_BYTES));
            }
            // The topics are the system of record (the read models are rebuilt from them) and the scenario library:
            // kept for good on the topic itself, whatever the cluster's default (7 days); a dead letter is kept as long
            // as the record it failed on. A forwarded command matters for seconds, not for the record.
            builder.config("retention.ms", Topics.EXERCISE_COMMANDS.equals(topic) ? "3600000" : "-1");
            deadLetter.config("retention.ms", "-1");
            topics.add(builder.build());
            topics.add(deadLetter.build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
