package nl.weerbaar.outagetimeline.exercise;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ProgressMarked;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher;
import org.springframework.stereotype.Component;

/**
 * The running clock's watermarks between its ticks ({@code exercise.progress-marked}): "everything of the exercise
 * before T is published". The simulations act at T only once the clock has passed it; from the ticks alone they learn
 * that five scenario minutes late (five seconds at 60×). A mark at most every {@code mark-ms} of wall time lets them
 * follow within a fraction of a second. Their times depend on speed and load, so the models never depend on them:
 * they only say how far the clock has come, and read models and recordings skip them.
 */
@Component
class ClockMarks {

    static final String SERVICE = "outage-timeline";

    private final EventPublisher publisher;
    private final Clock clock;
    private final long intervalMillis;
    private final Map<String, Mark> last = new ConcurrentHashMap<>();

    private record Mark(long upToSeconds, Instant at) {
    }

    ClockMarks(EventPublisher publisher, Clock clock, TimelineSettings settings) {
        this.publisher = publisher;
        this.clock = clock;
        this.intervalMillis = settings.markMs();
    }

    /**
     * After a step of the running clock that published everything up to {@code playedUpTo}: a mark there, unless one
     * was written less than the interval ago or the clock has not moved. Written after the step's events, on the
     * exercise's partition, so a reader has them all when it sees the mark.
     */
    void played(ExerciseRun run, long playedUpTo) {
        if (intervalMillis <= 0 || run.isReplay()) {
            return;
        }
        Instant now = clock.instant();
        Mark before = last.get(run.exerciseId());
        if (before != null && (playedUpTo <= before.upToSeconds()
                || now.isBefore(before.at().plusMillis(intervalMillis)))) {
            return;
        }
        publisher.publishWithId(EventType.CLOCK_PROGRESS_MARKED,
                EventIds.derived(run.exerciseId(), "clock-progress", Long.toString(playedUpTo)), run.exerciseId(),
                new ProgressMarked(run.exerciseId(), SERVICE, playedUpTo, 0, 1, false),
                Timeline.context(run, playedUpTo));
        last.put(run.exerciseId(), new Mark(playedUpTo, now));
    }

    void forget(String exerciseId) {
        last.remove(exerciseId);
    }
}
