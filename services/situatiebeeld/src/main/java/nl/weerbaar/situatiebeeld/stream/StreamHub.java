package nl.weerbaar.situatiebeeld.stream;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.FeedItem;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browsers watching each exercise, over Server-Sent Events. A browser gets the whole picture when it connects and
 * then every feed event (id = its number in the exercise's log) and a fresh picture at most every
 * {@code refresh} while things change. A browser that reconnects says the last number it had and gets what came
 * after, so nothing is lost or doubled.
 * <p>
 * The hub's thread only queues; each browser has its own writer (a virtual thread) and a bounded queue, so a browser
 * that stops reading holds up nobody: when its queue is full it is disconnected, and it resumes from the log when it
 * reconnects. Pictures are not queued one by one: a browser gets the latest when its writer comes to it. A quiet
 * stream carries a heartbeat comment, so proxies and the browser see it is alive; a stream ends after
 * {@code timeout} and the page reconnects where it was.
 */
@Component
@EnableConfigurationProperties(StreamHub.StreamSettings.class)
public class StreamHub implements SmartLifecycle {

    /** How much of the feed a browser gets when it first connects. */
    private static final int FIRST_FEED = 300;
    private static final int BACKLOG = 20_000;

    /**
     * {@code weerbaar.situatiebeeld.stream}: the browsers' live streams (server-sent events).
     *
     * @param refresh   how often a changed picture is sent
     * @param heartbeat a quiet stream carries a comment this often, so proxies keep it open
     * @param timeout   a stream ends after this long; the page reconnects where it was
     * @param queue     events queued per browser at most; a browser that falls this far behind is disconnected
     */
    @ConfigurationProperties("weerbaar.situatiebeeld.stream")
    record StreamSettings(@DefaultValue("500ms") Duration refresh, @DefaultValue("15s") Duration heartbeat,
                          @DefaultValue("30m") Duration timeout, @DefaultValue("25000") int queue) {
    }

    private final PictureLog log;
    private final LivePictures pictures;
    private final StreamSettings settings;
    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService hub = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "picture-stream");
        t.setDaemon(true);
        return t;
    });

    StreamHub(PictureLog log, LivePictures pictures, StreamSettings settings) {
        this.log = log;
        this.pictures = pictures;
        this.settings = settings;
        long refreshMs = settings.refresh().toMillis();
        hub.scheduleWithFixedDelay(this::sendChangedPictures, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
    }

    /** A browser starts watching; {@code after} is the last feed number it has (null: it has nothing yet). */
    public SseEmitter watch(String exerciseId, Long after) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        watch(exerciseId, after, emitter);
        return emitter;
    }

    /** As {@link #watch(String, Long)}, sending to {@code emitter}. */
    void watch(String exerciseId, Long after, SseEmitter emitter) {
        Watcher watcher = new Watcher(exerciseId, emitter);
        emitter.onCompletion(watcher::close);
        emitter.onTimeout(watcher::close);
        emitter.onError(e -> watcher.close());
        hub.execute(() -> {
            // registered first, then the backlog read: what is taken in meanwhile comes after it on this same
            // thread, and what the backlog had already is not sent twice
            watchers.computeIfAbsent(exerciseId, ex -> new CopyOnWriteArrayList<>()).add(watcher);
            long last = log.latest(exerciseId, 1).stream().mapToLong(LogEntry::seq).findFirst().orElse(0);
            watcher.lastQueued = after != null ? after : Math.max(0, last - FIRST_FEED);
            watcher.picture(pictures.currentJson(exerciseId));
            log.after(exerciseId, watcher.lastQueued, BACKLOG).forEach(watcher::feed);
            watcher.start();
        });
    }

    /** An event was taken in. */
    public void taken(LogEntry entry) {
        changed.add(entry.exerciseId());
        if (watchers.containsKey(entry.exerciseId())) {
            hub.execute(() -> watchers.getOrDefault(entry.exerciseId(), List.of()).forEach(w -> w.feed(entry)));
        }
    }

    /** How many browsers watch {@code exerciseId} now. */
    int watching(String exerciseId) {
        return watchers.getOrDefault(exerciseId, List.of()).size();
    }

    private void sendChangedPictures() {
        for (String exerciseId : List.copyOf(changed)) {
            changed.remove(exerciseId);
            List<Watcher> watching = watchers.getOrDefault(exerciseId, List.of());
            if (!watching.isEmpty()) {
                String picture = pictures.currentJson(exerciseId);
                watching.forEach(w -> w.picture(picture));
            }
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream when the service stops, before the web server's graceful shutdown (a lower phase) waits for
     * open requests: an open stream would otherwise hold every stop for the whole shutdown timeout. The pages
     * reconnect to another instance or to this one when it is back.
     */
    @Override
    public void stop() {
        running = false;
        watchers.values().forEach(list -> List.copyOf(list).forEach(Watcher::close));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void shutdown() {
        stop();
        hub.shutdownNow();
    }

    /** One browser: its queue, filled on the hub's thread, and the writer that empties it. */
    private final class Watcher {

        /** Queued in place of a picture: the writer sends whatever picture is latest by then. */
        private static final Object PICTURE = new Object();

        final String exerciseId;
        final SseEmitter emitter;
        final BlockingQueue<Object> queue;
        final AtomicReference<String> latestPicture = new AtomicReference<>();
        /** Names for the feed's sentences: a live view, NSPs registered later included. */
        final Function<String, String> names;
        /** The last feed number queued; used on the hub's thread only. */
        long lastQueued;
        private volatile Thread writer;
        private volatile boolean closed;

        Watcher(String exerciseId, SseEmitter emitter) {
            this.exerciseId = exerciseId;
            this.emitter = emitter;
            this.names = pictures.names(exerciseId);
            this.queue = new ArrayBlockingQueue<>(settings.queue());
        }

        void feed(LogEntry entry) {
            if (entry.seq() <= lastQueued) {
                return;
            }
            lastQueued = entry.seq();
            if (FeedItem.shown(entry)) {
                offer(entry);
            }
        }

        void picture(String json) {
            if (latestPicture.getAndSet(json) == null) {
                offer(PICTURE);
            }
        }

        private void offer(Object item) {
            if (!closed && !queue.offer(item)) {
                close(); // it reads too slowly: it reconnects and resumes from the log
            }
        }

        void start() {
            writer = Thread.ofVirtual().name("picture-stream-" + exerciseId).start(this::write);
        }

        private void write() {
            long heartbeatMs = settings.heartbeat().toMillis();
            try {
                while (!closed) {
                    Object item = queue.poll(heartbeatMs, TimeUnit.MILLISECONDS);
                    if (item == null) {
                        emitter.send(SseEmitter.event().comment("heartbeat"));
                    } else if (item == PICTURE) {
                        emitter.send(SseEmitter.event().name("picture").data(latestPicture.getAndSet(null),
                                MediaType.APPLICATION_JSON));
                    } else {
                        LogEntry entry = (LogEntry) item;
                        emitter.send(SseEmitter.event().name("feed").id(Long.toString(entry.seq()))
                                .data(FeedItem.of(entry, names), MediaType.APPLICATION_JSON));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException gone) {
                close(); // gone, or an entry that cannot be shown: the browser reconnects and reads on from the log
            }
        }

        void close() {
            if (closed) {
                return;
            }
            closed = true;
            List<Watcher> list = watchers.get(exerciseId);
            if (list != null) {
                list.remove(this);
            }
            Thread w = writer;
            if (w != null) {
                w.interrupt();
            }
            // not on the caller's thread: a writer stuck in a send holds the emitter, and the caller may be the hub
            Thread.ofVirtual().start(() -> {
                try {
                    emitter.complete();
                } catch (IllegalStateException alreadyDone) {
                    // completed by the container already
                }
            });
        }
    }
}
