package nl.weerbaar.situatiebeeld.log;

import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Appends an exercise's events to the picture log, numbered 1, 2, 3 ... in the order this task takes them in. The
 * last number per exercise is in the state store, which commits with the input offsets: after a crash the same
 * records come again and get the same numbers, and MongoDB, which may have them already, keeps its entry (by event
 * id). An event that comes twice under one id keeps its first entry and number.
 */
class LogAppender implements Processor<String, Routed, Void, Void> {

    static final String SEQUENCES = "picture-log-sequences";

    private final StreamEvents events;
    private final PictureLog log;
    private KeyValueStore<String, Long> sequences;
    private ProcessorContext<Void, Void> context;

    LogAppender(StreamEvents events, PictureLog log) {
        this.events = events;
        this.log = log;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.sequences = context.getStateStore(SEQUENCES);
    }

    @Override
    public void process(Record<String, Routed> record) {
        // checked upstream (a broken record went to its dead-letter topic there)
        InboundEvent event = events.read(record, context);
        Long last = sequences.get(event.exerciseId());
        long seq = (last == null ? 0 : last) + 1;
        if (log.append(event, seq).map(entry -> entry.seq() == seq).orElse(false)) {
            sequences.put(event.exerciseId(), seq);
        }
    }
}
