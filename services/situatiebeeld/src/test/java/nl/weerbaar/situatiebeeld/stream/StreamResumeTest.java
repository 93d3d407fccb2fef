package nl.weerbaar.situatiebeeld.stream;

import static nl.weerbaar.kit.test.TestAuth.CRISIS_TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.FeedItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stream over real HTTP: a browser that reconnects with the last feed number it has gets exactly the feed events
 * after it — none missing, none twice, in order — and a first connection gets the picture before the feed.
 */
@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamResumeTest {

    @LocalServerPort int port;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    @Autowired ExerciseClocks clocks;
    @Autowired PictureLog log;

    @Test
    void aReconnectGetsWhatCameAfterItsLastFeedNumberOnceAndInOrder() throws Exception {
        TimelineDriver timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        String id = timeline.play("klein-testscenario", 20000, Duration.ofSeconds(90),
                ex -> clocks.find(ex).map(c -> c.isOver()).orElse(false));
        await().atMost(Duration.ofSeconds(90)).until(() -> log.all(id).stream()
                .anyMatch(e -> e.type().equals("exercise-state-changed") && e.payload().contains("FINISHED")));
        List<LogEntry> all = log.all(id);
        long resumeAfter = all.get(all.size() / 2).seq();
        List<Long> expected = all.stream().filter(e -> e.seq() > resumeAfter).filter(FeedItem::shown)
                .map(LogEntry::seq).toList();

        List<String[]> events = read(id, "Last-Event-ID", Long.toString(resumeAfter), expected.getLast());
        assertThat(events.getFirst()[0]).isEqualTo("picture");
        List<Long> ids = events.stream().filter(e -> e[0].equals("feed")).map(e -> Long.parseLong(e[1])).toList();
        assertThat(ids).isEqualTo(expected);

        // a first connection: the picture, then the newest part of the feed, in order
        List<String[]> first = read(id, "Accept", "text/event-stream", all.stream().filter(FeedItem::shown)
                .mapToLong(LogEntry::seq).max().orElseThrow());
        assertThat(first.getFirst()[0]).isEqualTo("picture");
        assertThat(first.getFirst()[2]).contains("\"exerciseId\":\"" + id + "\"");
        List<Long> firstIds = first.stream().filter(e -> e[0].equals("feed")).map(e -> Long.parseLong(e[1])).toList();
        assertThat(firstIds).isSorted().doesNotHaveDuplicates().isNotEmpty();
    }

    /** The stream's events (name, id, data) until the feed event {@code untilId}. */
    private List<String[]> read(String exerciseId, String header, String value, long untilId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/exercises/"
                + exerciseId + "/stream")).header("Authorization", "Bearer " + CRISIS_TEAM).header(header, value)
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<List<String[]>> events = CompletableFuture.supplyAsync(() -> {
            List<String[]> out = new ArrayList<>();
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (Iterator<String> lines = response.body().iterator(); lines.hasNext(); ) {
                String line = lines.next();
                if (line.isEmpty()) {
                    out.add(new String[] {name, id, data.toString()});
                    if ("feed".equals(name) && Long.parseLong(id) >= untilId) {
                        break;
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            return out;
        });
        try {
            return events.get(60, TimeUnit.SECONDS);
        } finally {
            response.body().close();
        }
    }
}
