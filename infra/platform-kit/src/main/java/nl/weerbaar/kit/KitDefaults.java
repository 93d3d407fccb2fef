package nl.weerbaar.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.weerbaar.kit.kafka.EventTime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The defaults every service shares, added with the lowest precedence so a service or an operator can still
 * override each one. They are the "nothing is lost" settings: acks=all and idempotence for producers, manual
 * per-record commits after the effect is stored for consumers, bad records through the ErrorHandlingDeserializer.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("spring.kafka.bootstrap-servers", "localhost:9092");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        d.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
        d.put("spring.kafka.producer.properties.linger.ms", "5");
        // a national scenario's file and world pass the default 1 MB (the topics that carry them allow 16 MB)
        String maxRecord = Integer.toString(nl.weerbaar.kit.kafka.KafkaKitConfiguration.MAX_RECORD_BYTES);
        d.put("spring.kafka.producer.properties.max.request.size", maxRecord);
        d.put("spring.kafka.streams.properties.producer.max.request.size", maxRecord);
        d.put("spring.kafka.streams.properties.topic.max.message.bytes", maxRecord);
        d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        d.put("spring.kafka.producer.value-serializer", "nl.weerbaar.kit.kafka.EventValueSerializer");
        d.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.enable-auto-commit", "false");
        d.put("spring.kafka.consumer.key-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        d.put("spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        d.put("spring.kafka.consumer.properties.spring.deserializer.key.delegate.class",
                "org.apache.kafka.common.serialization.StringDeserializer");
        d.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                "nl.weerbaar.kit.kafka.JsonNodeDeserializer");
        // stream processors write in transactions: a read model sees their outcomes once committed, never aborted ones
        d.put("spring.kafka.consumer.isolation-level", "read_committed");
        d.put("spring.kafka.listener.ack-mode", "record");
        // stream processors (where a service has them): state and outcomes in one transaction; topics that take
        // event time (scenario time) stamps; local state is a cache of the changelog topics, so a fresh folder each run
        d.put("spring.kafka.streams.properties.processing.guarantee", "exactly_once_v2");
        // Kafka Streams gives a transaction 10 s under exactly-once; one step of a national exercise (a scenario hour
        // of arrivals, on a busy machine) can take longer, and a transaction that times out fences the whole thread:
        // its tasks restore every store from the changelogs and do the work again, which took longer again. A minute;
        // an instance that dies with a transaction open holds its partitions' readers that long at most
        d.put("spring.kafka.streams.properties.producer.transaction.timeout.ms",
                "${weerbaar.kafka.transaction-timeout-ms:60000}");
        d.put("spring.kafka.streams.replication-factor", "${weerbaar.kafka.replication-factor:1}");
        d.put("spring.kafka.streams.state-dir", "${java.io.tmpdir}/weerbaar-streams/${spring.application.name}-${random.uuid}");
        d.put("spring.kafka.streams.cleanup.on-shutdown", "true");
        d.put("spring.kafka.streams.properties.rocksdb.config.setter",
                nl.weerbaar.kit.streams.BoundedRocksDb.class.getName());
        EventTime.TOPIC_CONFIG.forEach((name, value) -> d.put("spring.kafka.streams.properties.topic." + name, value));
        d.put("spring.kafka.listener.missing-topics-fatal", "false");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        // not ready while the read-model store or the broker is away, or a stream processor is not running: its
        // answers would be stale or fail (KafkaHealth)
        d.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,kafka");
        // the read-model store's breaker (ReadModelStoreBreaker): open after 3 failures of the last 5, tried again
        // after 10 s; shown in health and in resilience4j_circuitbreaker_state
        String breaker = "resilience4j.circuitbreaker.instances." + nl.weerbaar.kit.kafka.ReadModelStoreBreaker.NAME;
        d.put(breaker + ".sliding-window-size", "5");
        d.put(breaker + ".minimum-number-of-calls", "3");
        d.put(breaker + ".failure-rate-threshold", "50");
        d.put(breaker + ".wait-duration-in-open-state", "10s");
        d.put(breaker + ".automatic-transition-from-open-to-half-open-enabled", "true");
        d.put(breaker + ".permitted-number-of-calls-in-half-open-state", "1");
        d.put(breaker + ".register-health-indicator", "true");
        d.put(breaker + ".allow-health-indicator-to-fail", "true");
        d.put("management.health.circuitbreakers.enabled", "true");
        d.put("management.metrics.tags.application", "${spring.application.name}");
        // tracing: producers and record listeners observed, so the W3C traceparent travels with each event; stream
        // processors copy it to their outcomes (StreamEvents). Every trace is kept: an exercise is not high traffic,
        // and a trainer following one inject needs that one. Exported over OTLP only where an endpoint is set
        // (management.otlp.tracing.endpoint; the compose stack sends them to its collector)
        d.put("spring.kafka.template.observation-enabled", "true");
        d.put("spring.kafka.listener.observation-enabled", "true");
        d.put("management.tracing.sampling.probability", "1.0");
        // the status is open (probes, the stack's start); which parts and their details only for the monitor role:
        // they name hosts, paths and classes
        d.put("management.endpoint.health.show-components", "when-authorized");
        d.put("management.endpoint.health.show-details", "when-authorized");
        d.put("management.endpoint.health.roles", "monitor");
        d.put("spring.messages.basename", "weerbaar-problems,messages");
        d.put("spring.messages.fallback-to-system-locale", "false");
        d.put("spring.jackson.serialization.write-dates-as-timestamps", "false");
        d.put("spring.jackson.deserialization.fail-on-unknown-properties", "false");
        d.put("springdoc.api-docs.path", "/v3/api-docs");
        d.put("spring.threads.virtual.enabled", "true");
        environment.getPropertySources().addLast(new MapPropertySource("weerbaarKitDefaults", d));
    }
}
