package nl.weerbaar.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.kit.idempotency.ProcessedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The one way listeners handle records: check the contract (a broken record throws and goes to the dead-letter
 * topic), skip an event this consumer already applied (and watermarks, which are for stream processors), apply it,
 * then remember it. The listener container commits the offset only after this returns, so an effect is stored before
 * its record counts as consumed.
 */
public class InboundEvents {

    private final SchemaValidator validator;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final Clock clock;

    public InboundEvents(SchemaValidator validator, ProcessedEvents processed, MeterRegistry meters, Clock clock) {
        this.validator = validator;
        this.processed = processed;
        this.meters = meters;
        this.clock = clock;
    }

    /** Applies the record once for {@code consumer}; returns false when it had been applied before. */
    public boolean handle(String consumer, ConsumerRecord<String, JsonNode> record, Consumer<InboundEvent> effect) {
        InboundEvent event = InboundEvent.from(record, validator);
        if (event.type().isProgressMark()) {
            return false; // watermarks are for the stream processors that join topics; no listener acts on one
        }
        if (processed.contains(consumer, event.id())) {
            meters.counter("weerbaar.events.duplicates", "consumer", consumer, "type", event.type().type()).increment();
            return false;
        }
        effect.accept(event);
        processed.remember(consumer, event.id());
        meters.counter("weerbaar.events.consumed", "consumer", consumer, "type", event.type().type()).increment();
        Duration latency = Duration.between(event.time(), clock.instant());
        if (!latency.isNegative()) {
            Timer.builder("weerbaar.events.propagation").description("From an event's production to its effect")
                    .tag("consumer", consumer).tag("type", event.type().type())
                    .publishPercentileHistogram().register(meters).record(latency);
        }
        return true;
    }
}
