package nl.weerbaar.situatiebeeld.stream;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.FeedItem;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The browsers watching each exercise, over Server-Sent Events. A browser gets the whole picture when it connects and
 * then every feed event (id = its number in the exercise's log) and a fresh picture at most every
 * {@code weerbaar.picture.refresh-ms} while things change. A browser that reconnects says the last number it had and
 * gets what came after, so nothing is lost or doubled. Sending happens on the hub's own thread, never on the
 * consumer's, so a slow browser cannot hold up the event streams.
 */
@Component
public class StreamHub {

    /** How much of the feed a browser gets when it first connects. */
    private static final int FIRST_FEED = 300;
    private static final int BACKLOG = 20_000;

    private final PictureLog log;
    private final LivePictures pictures;
    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "picture-stream");
        t.setDaemon(true);
        return t;
    });

    StreamHub(PictureLog log, LivePictures pictures, @Value("${weerbaar.picture.refresh-ms:500}") long refreshMs) {
        this.log = log;
        this.pictures = pictures;
        sender.scheduleWithFixedDelay(this::sendChangedPictures, refreshMs, refreshMs, TimeUnit.MILLISECONDS);
    }

    /** A browser starts watching; {@code after} is the last feed number it has (null: it has nothing yet). */
    public SseEmitter watch(String exerciseId, Long after) {
        SseEmitter emitter = new SseEmitter(0L);
        Watcher watcher = new Watcher(exerciseId, emitter);
        emitter.onCompletion(() -> forget(watcher));
        emitter.onTimeout(() -> forget(watcher));
        emitter.onError(e -> forget(watcher));
        sender.execute(() -> {
            // registered first, then the backlog read: what is taken in meanwhile comes after it on this same
            // thread, and what the backlog had already is not sent twice
            watchers.computeIfAbsent(exerciseId, ex -> new CopyOnWriteArrayList<>()).add(watcher);
            long last = log.latest(exerciseId, 1).stream().mapToLong(LogEntry::seq).findFirst().orElse(0);
            watcher.lastSent = after != null ? after : Math.max(0, last - FIRST_FEED);
            watcher.picture(pictures.currentJson(exerciseId));
            log.after(exerciseId, watcher.lastSent, BACKLOG).forEach(watcher::feed);
        });
        return emitter;
    }

    /** An event was taken in. */
    public void taken(LogEntry entry) {
        changed.add(entry.exerciseId());
        if (watchers.containsKey(entry.exerciseId())) {
            sender.execute(() -> watchers.getOrDefault(entry.exerciseId(), List.of()).forEach(w -> w.feed(entry)));
        }
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

    private void forget(Watcher watcher) {
        List<Watcher> list = watchers.get(watcher.exerciseId);
        if (list != null) {
            list.remove(watcher);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        watchers.values().forEach(list -> list.forEach(w -> w.emitter.complete()));
    }

    /** One browser: what it has been sent so far. Used on the sender thread only. */
    private final class Watcher {

        final String exerciseId;
        final SseEmitter emitter;
        long lastSent;

        Watcher(String exerciseId, SseEmitter emitter) {
            this.exerciseId = exerciseId;
            this.emitter = emitter;
        }

        void feed(LogEntry entry) {
            if (entry.seq() <= lastSent) {
                return;
            }
            lastSent = entry.seq();
            if (FeedItem.shown(entry)) {
                send(SseEmitter.event().name("feed").id(Long.toString(entry.seq()))
                        .data(FeedItem.of(entry), MediaType.APPLICATION_JSON));
            }
        }

        void picture(String json) {
            send(SseEmitter.event().name("picture").data(json, MediaType.APPLICATION_JSON));
        }

        private void send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                forget(this);
            }
        }
    }
}
