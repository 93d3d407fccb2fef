package nl.weerbaar.kit.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * A service test against a real Kafka broker (spring-kafka-test's in-process KRaft broker) and a real
 * MongoDB-protocol server (mongo-java-server, in-process). Every test class of a module that uses this annotation
 * unchanged shares one Spring context, so one broker per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "weerbaar.mongo.in-process=true",
    "weerbaar.kafka.retry-interval-ms=50",
    "weerbaar.kafka.partitions=2",
    "spring.lifecycle.timeout-per-shutdown-phase=3s"})
@EmbeddedKafka(kraft = true, count = 1, partitions = 2, brokerProperties = {
    // the stream processors write in transactions (exactly_once_v2): one broker holds the transaction log alone
    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@TestPropertySource(locations = "classpath:weerbaar-test-security.properties")
@Import(CompanionServices.Closer.class)
public @interface WeerbaarIntegrationTest {

    /** {@code RANDOM_PORT} where a real HTTP client (a browser) must reach the service; keep it the same per module. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
