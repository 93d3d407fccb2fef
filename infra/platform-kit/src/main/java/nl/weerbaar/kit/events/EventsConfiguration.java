package nl.weerbaar.kit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.kit.kafka.KafkaKitProperties;
import nl.weerbaar.kit.idempotency.AppliedOffsets;
import nl.weerbaar.kit.idempotency.IdempotencyKeys;
import nl.weerbaar.kit.idempotency.ProcessedEvents;
import nl.weerbaar.kit.mongo.MongoPingHealth;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** The event publisher and the inbound pipeline every service uses. */
@AutoConfiguration(beforeName = "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration",
        afterName = {
        "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration"})
@org.springframework.boot.context.properties.EnableConfigurationProperties(
        nl.weerbaar.kit.idempotency.IdempotencyProperties.class)
public class EventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public SchemaValidator schemaValidator() {
        return new SchemaValidator();
    }

    @Bean
    public EventPublisher eventPublisher(KafkaTemplate<String, Object> template, SchemaValidator validator,
                                         MeterRegistry meters, Clock clock,
                                         @Value("${spring.application.name}") String serviceName,
                                         KafkaKitProperties kafka) {
        return new EventPublisher(template, validator, meters, serviceName, clock, kafka.sendTimeout());
    }

    /** Named as Boot's, so it replaces it. */
    @Bean(name = "mongoHealthIndicator")
    public MongoPingHealth mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealth(mongo);
    }

    @Bean
    public ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    @Bean
    public AppliedOffsets appliedOffsets(MongoTemplate mongo) {
        return new AppliedOffsets(mongo);
    }

    @Bean
    public IdempotencyKeys idempotencyKeys(MongoTemplate mongo, ObjectMapper json, Clock clock,
                                           nl.weerbaar.kit.idempotency.IdempotencyProperties settings) {
        return new IdempotencyKeys(mongo, json, clock, settings);
    }

    @Bean
    public InboundEvents inboundEvents(SchemaValidator validator, ProcessedEvents processed, AppliedOffsets offsets,
                                       MeterRegistry meters, Clock clock) {
        return new InboundEvents(validator, processed, offsets, meters, clock);
    }
}
