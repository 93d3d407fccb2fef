package nl.weerbaar.kit.streams;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Predicate;
import nl.weerbaar.contracts.CeHeaders;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.kit.events.InboundEvent;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Picks a simulation's input from a topic keyed by entity (provider, NSP, help request) and keys it by exercise, so
 * that it meets the exercise's clock on one partition (through a repartition topic). Each keeps where it was written
 * ({@link #SOURCE}: partition and offset, as text that sorts like the position), which orders the inputs of one
 * scenario moment the same way in every run. Records whose type cannot be input are skipped on their header alone;
 * a broken record goes to the dead-letter topic.
 */
public final class ExerciseKeyedInputs implements Processor<String, Routed, String, Routed> {

    /** Header: partition and offset where the record was first written. */
    public static final String SOURCE = "weerbaar_source";

    private final StreamEvents events;
    private final Set<EventType> candidates;
    private final Predicate<InboundEvent> isInput;
    private ProcessorContext<String, Routed> context;

    public ExerciseKeyedInputs(StreamEvents events, Set<EventType> candidates, Predicate<InboundEvent> isInput) {
        this.events = events;
        this.candidates = candidates;
        this.isInput = isInput;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Routed> record) {
        Header type = record.headers().lastHeader(CeHeaders.TYPE);
        if (type != null && EventType.fromType(new String(type.value(), StandardCharsets.UTF_8))
                .map(known -> !candidates.contains(known)).orElse(false)) {
            return; // the service's own decisions and others' events it has no use for: not even read
        }
        // a missing or unknown type is read, to be dead-lettered with the reason
        events.readOrDeadLetter(record, context).filter(isInput).ifPresent(event -> {
            RecordMetadata meta = context.recordMetadata().orElseThrow();
            Record<String, Routed> keyed = record.withKey(event.exerciseId())
                    .withValue(Routed.read(record.value().value()));
            keyed.headers().remove(SOURCE).add(SOURCE, position(meta.partition(), meta.offset())
                    .getBytes(StandardCharsets.UTF_8));
            context.forward(keyed);
        });
    }

    /** Where a record was written, as text that sorts like the position: partition, then offset. */
    public static String position(int partition, long offset) {
        return "%05d-%019d".formatted(partition, offset);
    }

    /** Where the record was first written: its {@link #SOURCE} header, else where it was read. */
    public static String sourceOf(Record<String, Routed> record, InboundEvent event) {
        Header source = record.headers().lastHeader(SOURCE);
        return source == null ? position(event.partition(), event.offset())
                : new String(source.value(), StandardCharsets.UTF_8);
    }
}
