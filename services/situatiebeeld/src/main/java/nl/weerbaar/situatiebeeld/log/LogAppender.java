package nl.weerbaar.situatiebeeld.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Appends an exercise's events to the picture log, numbered 1, 2, 3 ... in the order this task takes them in. Events
 * are gathered in the {@link LogBuffer} and written in one bulk write when the task commits (or the buffer is full).
 * The last number per exercise is in the state store, which commits with the input offsets: after a crash the same
 * records come again and get the same numbers, and MongoDB, which may have them already, keeps its entry (by event
 * id). An event that comes twice under one id keeps its first entry and number.
 */
class LogAppender implements Processor<String, Routed, Void, Void> {

    static final String SEQUENCES = "picture-log-sequences";

    /** At most this many events wait for a commit; more are written at once. */
    static final int MAX_BUFFERED = 2000;

    private final StreamEvents events;
    private final PictureLog log;
    private KeyValueStore<String, Long> sequences;
    private LogBuffer buffer;
    private ProcessorContext<Void, Void> context;

    LogAppender(StreamEvents events, PictureLog log) {
        this.events = events;
        this.log = log;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.sequences = context.getStateStore(SEQUENCES);
        this.buffer = context.getStateStore(LogBuffer.NAME);
        buffer.onFlush(this::write);
    }

    @Override
    public void process(Record<String, Routed> record) {
        // checked upstream (a broken record went to its dead-letter topic there)
        buffer.add(events.read(record, context));
        if (buffer.size() >= MAX_BUFFERED) {
            write();
        }
    }

    /**
     * Numbers the buffered events and writes them. An event already in the log keeps its entry; when its number is
     * the one it would get now it is this task's own, written before a crash, and the count moves on past it.
     */
    private void write() {
        List<InboundEvent> taken = buffer.take();
        if (taken.isEmpty()) {
            return;
        }
        Map<String, LogEntry> stored = log.existing(taken.stream().map(InboundEvent::id).toList());
        Map<String, Long> last = new HashMap<>();
        List<LogEntry> entries = new ArrayList<>();
        for (InboundEvent event : taken) {
            long seq = last.computeIfAbsent(event.exerciseId(), id -> Optional.ofNullable(sequences.get(id)).orElse(0L))
                    + 1;
            LogEntry before = stored.get(event.id());
            if (before == null) {
                LogEntry entry = log.entry(event, seq);
                entries.add(entry);
                stored.put(event.id(), entry);
            } else if (before.seq() != seq) {
                continue; // the same event again: its first entry and number stay
            }
            last.put(event.exerciseId(), seq);
        }
        log.appendAll(entries);
        last.forEach(sequences::put);
    }
}
