package nl.weerbaar.situatiebeeld.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.weerbaar.kit.events.InboundEvent;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * The events the appender has taken in since the task last committed, not yet in the picture log. Before Kafka
 * Streams commits a task's input offsets (exactly-once: its transaction) it flushes the task's caches and then its
 * producer; this store presents itself as a cache ({@link CachedStateStore}: what the runtime's
 * {@code ProcessorStateManager.flushCache()} calls on every commit — a plain store's {@code flush()} comes only with a
 * checkpoint, which exactly-once writes at close), so its flush hands the events to the appender, which writes them
 * to MongoDB in one bulk write and moves its sequence store on inside the transaction. No offset is committed for an
 * event that is not in the log. Kept in memory only: after a crash the uncommitted input comes again. The situatiebeeld
 * integration tests see the log fill on the real runtime; they fail when a Kafka Streams upgrade stops calling it.
 */
final class LogBuffer implements StateStore, CachedStateStore<Object, Object> {

    static final String NAME = "picture-log-buffer";

    private final List<InboundEvent> events = new ArrayList<>();
    private Runnable onFlush = () -> { };
    private boolean open;

    void add(InboundEvent event) {
        events.add(event);
    }

    int size() {
        return events.size();
    }

    /** The events taken in, in order, leaving the buffer empty. */
    List<InboundEvent> take() {
        List<InboundEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** What writes the buffered events: the appender of this task. */
    void onFlush(Runnable write) {
        this.onFlush = write;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Deprecated
    public void init(org.apache.kafka.streams.processor.ProcessorContext context, StateStore root) {
        throw new UnsupportedOperationException("initialised through a StateStoreContext");
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> { }); // nothing to restore: the input after the commit comes again
        open = true;
    }

    @Override
    public void flushCache() {
        onFlush.run();
    }

    @Override
    public void flush() {
        onFlush.run();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false; // nothing is forwarded downstream
    }

    @Override
    public void clearCache() {
        events.clear(); // a task closed dirty: its uncommitted input comes again
    }

    @Override
    public void close() {
        events.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Registers the store with a topology: in memory, without changelog or cache. */
    static StoreBuilder<LogBuffer> builder() {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<LogBuffer> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<LogBuffer> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<LogBuffer> withLoggingEnabled(Map<String, String> config) {
                throw new UnsupportedOperationException("the log buffer has no changelog");
            }

            @Override
            public StoreBuilder<LogBuffer> withLoggingDisabled() {
                return this;
            }

            @Override
            public LogBuffer build() {
                return new LogBuffer();
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return NAME;
            }
        };
    }
}
