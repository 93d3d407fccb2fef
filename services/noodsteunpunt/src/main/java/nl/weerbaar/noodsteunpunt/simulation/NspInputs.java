package nl.weerbaar.noodsteunpunt.simulation;

import java.nio.charset.StandardCharsets;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Picks the simulation's input from a topic keyed by provider or NSP and keys it by exercise, so that it meets the
 * exercise's clock on one partition. Each keeps where it was written ({@link #SOURCE}: partition and offset), which
 * orders inputs of one scenario moment the same way in every run. A broken record goes to the dead-letter topic.
 */
final class NspInputs implements Processor<String, Routed, String, Routed> {

    static final String SOURCE = "weerbaar_source";

    private final StreamEvents events;
    private ProcessorContext<String, Routed> context;

    NspInputs(StreamEvents events) {
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Routed> record) {
        Header type = record.headers().lastHeader(CeHeaders.TYPE);
        boolean candidate = type != null && EventType.fromType(new String(type.value(), StandardCharsets.UTF_8))
                .filter(NspStep.CANDIDATES::contains).isPresent();
        if (type != null && !candidate) {
            return; // the model's own decisions and others' events it has no use for: not even read
        }
        InboundEvent event;
        try {
            event = events.read(record, context);
        } catch (InvalidEventException e) {
            context.forward(events.deadLetter(record, context, e));
            return;
        }
        if (NspStep.isInput(event)) {
            RecordMetadata meta = context.recordMetadata().orElseThrow();
            Record<String, Routed> keyed = record.withKey(event.exerciseId())
                    .withValue(Routed.read(record.value().value()));
            keyed.headers().remove(SOURCE).add(SOURCE, NspStore.order(meta.partition(), meta.offset())
                    .getBytes(StandardCharsets.UTF_8));
            context.forward(keyed);
        }
    }
}
