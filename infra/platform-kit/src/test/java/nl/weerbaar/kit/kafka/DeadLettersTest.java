package nl.weerbaar.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.kit.events.InvalidEventException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** A dead letter is counted by topic and kind of reason, and logged with the event's ids in the log's context. */
class DeadLettersTest {

    @Test
    void countsByTopicAndKindAndLogsWhichEventOfWhichExerciseAndCause() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        Logger logger = (Logger) LoggerFactory.getLogger(DeadLetters.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            DeadLetters.register("weerbaar.test.v1");
            assertThat(meters.get(DeadLetters.METER).tags("topic", "weerbaar.test.v1", "reason", "contract").counter()
                    .count()).isZero();

            RecordHeaders headers = new RecordHeaders();
            headers.add(CeHeaders.ID, "ev-7".getBytes(StandardCharsets.UTF_8));
            headers.add(CeHeaders.EXERCISE_ID, "oef-x".getBytes(StandardCharsets.UTF_8));
            headers.add(CeHeaders.CAUSATION_ID, "ev-6".getBytes(StandardCharsets.UTF_8));
            DeadLetters.count("weerbaar.test.v1", headers, new IllegalStateException("wrapped",
                    new InvalidEventException("payload.state: must be one of [down, backup]", java.util.List.of())));

            assertThat(meters.get(DeadLetters.METER).tags("topic", "weerbaar.test.v1", "reason", "contract").counter()
                    .count()).isEqualTo(1);
            assertThat(log.list).hasSize(1);
            assertThat(log.list.getFirst().getMDCPropertyMap()).containsEntry("exercise_id", "oef-x")
                    .containsEntry("event_id", "ev-7").containsEntry("causation_id", "ev-6")
                    .containsEntry("dead_letter_reason", "contract");
            assertThat(MDC.get("exercise_id")).as("the context is the dead letter's only").isNull();
        } finally {
            logger.detachAppender(log);
            Metrics.removeRegistry(meters);
        }
    }
}
