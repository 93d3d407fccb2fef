package nl.weerbaar.kit.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A service's whole context against the real {@code mongo} and {@code apache/kafka} images ({@link RealImages}), where
 * Docker runs; skipped cleanly where it does not (this machine). The same tests run everywhere against the in-process
 * broker and MongoDB-protocol server ({@link WeerbaarIntegrationTest}); this proves the service's repositories and
 * messaging path on what production runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = {
    "weerbaar.kafka.retry-interval-ms=50",
    "weerbaar.kafka.partitions=2",
    "spring.lifecycle.timeout-per-shutdown-phase=3s"})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@TestPropertySource(locations = "classpath:weerbaar-test-security.properties")
@Import({RealImages.class, CompanionServices.Closer.class})
public @interface WeerbaarRealImagesTest {
}
