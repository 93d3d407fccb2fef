package nl.weerbaar.kit.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * A stream processor checks a record against its contract where it enters the application, and reads what it re-keyed
 * through its own repartition topic without checking it again.
 */
class StreamEventsTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private final StreamEvents events = new StreamEvents(VALIDATOR, "burgerhulp", "test", CLOCK);
    private final MockProcessorContext<String, Routed> context = new MockProcessorContext<>();

    private Record<String, Routed> escalated(String reason) {
        Record<String, Routed> record = events.event("0b7e3c2a-5d1f-4e8a-9c6b-2f4d8e1a7b3c", "help-1",
                new HelpRequestEscalated("oef-1", "help-1", "no-volunteer", Text.of("Geen.", "None."), 600),
                EventContext.of("oef-1", ExerciseStatus.EXERCISE, 600));
        byte[] payload = new String(record.value().value(), StandardCharsets.UTF_8)
                .replace("\"no-volunteer\"", reason).getBytes(StandardCharsets.UTF_8);
        return record.withValue(Routed.read(payload));
    }

    @Test
    void aRecordFromAServiceTopicIsCheckedAgainstItsContract() {
        context.setRecordMetadata("weerbaar.burgerhulp.v1", 3, 42);
        InboundEvent event = events.read(escalated("\"no-volunteer\""), context);
        assertThat(event.exerciseId()).isEqualTo("oef-1");
        assertThat(event.scenarioTimeSeconds()).isEqualTo(600);

        assertThatThrownBy(() -> events.read(escalated("17"), context))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("weerbaar.burgerhulp.v1-3@42");
    }

    @Test
    void whatTheApplicationReKeyedThroughItsOwnRepartitionTopicIsNotCheckedTwice() {
        context.setRecordMetadata("burgerhulp-coordination-streams-coordination-people-repartition", 0, 7);
        // a record there was checked before it was written there; a second check would find what the first found
        InboundEvent event = events.read(escalated("17"), context);
        assertThat(event.payload().get("reason").asInt()).isEqualTo(17);
        assertThat(event.partition()).isZero();
        assertThat(event.offset()).isEqualTo(7);
    }
}
