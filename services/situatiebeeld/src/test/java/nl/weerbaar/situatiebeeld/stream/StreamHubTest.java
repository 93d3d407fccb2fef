package nl.weerbaar.situatiebeeld.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The hub on its own: one browser that stops reading holds up nobody, and quiet streams carry heartbeats. */
class StreamHubTest {

    private static final String EXERCISE = "oef-stream";

    private final PictureLog log = mock(PictureLog.class);
    private final LivePictures pictures = mock(LivePictures.class);
    private final CountDownLatch stallForever = new CountDownLatch(1);
    private StreamHub hub;

    /** An exercise with an empty log so far and a picture. */
    @BeforeEach
    void emptyLog() {
        when(log.latest(anyString(), anyInt())).thenReturn(List.of());
        when(log.after(anyString(), anyLong(), anyInt())).thenReturn(List.of());
        when(pictures.currentJson(anyString())).thenReturn("{\"picture\":1}");
        when(pictures.names(anyString())).thenReturn(id -> id);
    }

    /** A hub refreshing pictures every 20 ms, with this heartbeat and queue per browser. */
    private StreamHub hub(Duration heartbeat, int queue) {
        return new StreamHub(log, pictures, new StreamHub.StreamSettings(Duration.ofMillis(20), heartbeat,
                Duration.ofMinutes(30), queue));
    }

    @AfterEach
    void stop() {
        stallForever.countDown();
        hub.shutdown();
    }

    @Test
    void aBrowserThatStopsReadingIsDisconnectedAndTheOthersGetEverything() {
        hub = hub(Duration.ofSeconds(30), 50);
        Recording healthy = new Recording();
        Stalled stalled = new Stalled();
        hub.watch(EXERCISE, 0L, stalled);
        hub.watch(EXERCISE, 0L, healthy);
        await().until(() -> hub.watching(EXERCISE) == 2);

        // bursts of 40: a browser that reads keeps up with each; the stalled one's queue of 50 runs full
        for (long seq = 1; seq <= 200; seq++) {
            hub.taken(new LogEntry("e-" + seq, EXERCISE, seq, "weerbaar.vital-status.v1", "status-changed",
                    "enexis-net", 60 * seq, "{\"providerId\":\"enexis-net\",\"state\":\"down\"}"));
            if (seq % 40 == 0) {
                long sent = seq;
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(healthy.feedIds())
                        .as("feed events the reading browser got").hasSize((int) sent));
            }
        }

        assertThat(healthy.feedIds()).isSorted().doesNotHaveDuplicates().first().isEqualTo(1L);
        assertThat(healthy.events).anyMatch(e -> e.contains("event:picture"));
        // the stalled one took the picture, hung in its second send, its queue ran full and it was let go
        await().until(() -> hub.watching(EXERCISE) == 1);
        assertThat(stalled.sends).isEqualTo(2);
    }

    @Test
    void aQuietStreamCarriesHeartbeats() {
        hub = hub(Duration.ofMillis(50), 10);
        Recording browser = new Recording();
        hub.watch(EXERCISE, null, browser);
        await().until(() -> browser.events.stream().filter(e -> e.startsWith(":heartbeat")).count() >= 3);
    }

    @Test
    void stoppingTheServiceEndsEveryStreamBeforeTheWebServerWaitsForThem() {
        hub = hub(Duration.ofSeconds(30), 10);
        Recording browser = new Recording();
        hub.watch(EXERCISE, null, browser);
        await().until(() -> hub.watching(EXERCISE) == 1);

        hub.stop();

        await().until(() -> browser.completed);
        assertThat(hub.watching(EXERCISE)).isZero();
        assertThat(hub.getPhase()).isGreaterThan(
                org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    /** What a browser would receive, one text per event. */
    private static class Recording extends SseEmitter {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean completed;

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            events.add(event.build().stream().map(d -> String.valueOf(d.getData())).collect(Collectors.joining()));
        }

        List<Long> feedIds() {
            return events.stream().filter(e -> e.contains("event:feed"))
                    .map(e -> Long.parseLong(e.substring(e.indexOf("id:") + 3, e.indexOf('\n', e.indexOf("id:")))))
                    .toList();
        }
    }

    /** A browser whose connection takes the first event and then never another byte. */
    private class Stalled extends SseEmitter {
        volatile int sends;

        @Override
        public void send(SseEventBuilder event) {
            sends++;
            if (sends > 1) {
                try {
                    stallForever.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
