package nl.weerbaar.situatiebeeld.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import java.time.Instant;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import org.junit.jupiter.api.Test;

/** The pictures kept in memory: moved on by the log, at most the capacity of them, rebuilt from the log when asked again. */
class LivePicturesTest {

    private final PictureLog log = mock(PictureLog.class);
    private final List<LogEntry> logOfA = new ArrayList<>();

    @Test
    void keepsThePicturesLookedAtLastAndFoldsADroppedOneAnewWithoutLosingEvents() throws Exception {
        when(log.inOrder("oef-a")).thenAnswer(call -> List.copyOf(logOfA).stream());
        when(log.inOrder("oef-b")).thenAnswer(call -> java.util.stream.Stream.empty());
        when(log.inOrder("oef-c")).thenAnswer(call -> java.util.stream.Stream.empty());
        when(log.after(anyString(), anyLong(), anyInt())).thenAnswer(call -> !call.getArgument(0).equals("oef-a")
                ? List.of() : logOfA.stream().filter(e -> e.seq() > (long) call.getArgument(1)).toList());
        LivePictures pictures = new LivePictures(log, 2);
        logOfA.add(tick(1));

        assertThat(clock(pictures.currentJson("oef-a"))).isEqualTo(100);
        LogEntry second = tick(2);
        logOfA.add(second);
        assertThat(pictures.followLog(100)).as("what the browsers get").containsExactly(second);
        assertThat(pictures.followLog(100)).as("nothing new").isEmpty();
        assertThat(clock(pictures.currentJson("oef-a"))).as("moved on in memory").isEqualTo(200);
        verify(log, times(1)).inOrder("oef-a");

        pictures.currentJson("oef-b");
        pictures.currentJson("oef-c"); // a third: oef-a, looked at longest ago, is dropped
        LogEntry third = tick(3);
        logOfA.add(third);
        assertThat(pictures.followLog(100)).as("nobody holds oef-a's picture now; the log has the event").isEmpty();

        assertThat(clock(pictures.currentJson("oef-a"))).as("folded anew from the log").isEqualTo(300);
        verify(log, times(2)).inOrder("oef-a");
        pictures.currentJson("oef-c");
        verify(log, times(1)).inOrder("oef-c");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new LivePictures(log, 0)).hasMessageContaining("live-pictures");
    }

    /** The clock ticked to {@code seq} × 100 s. */
    private static LogEntry tick(long seq) throws Exception {
        ClockTicked tick = new ClockTicked("oef-a", 100 * seq, 60, Instant.EPOCH);
        return new LogEntry("e-" + seq, "oef-a", seq, EventType.CLOCK_TICKED.topic(),
                EventType.CLOCK_TICKED.shortName(), "oef-a", 100 * seq, EventJson.mapper().writeValueAsString(tick));
    }

    private static long clock(String pictureJson) throws Exception {
        return EventJson.mapper().readTree(pictureJson).path("clockSeconds").asLong(-1);
    }
}
