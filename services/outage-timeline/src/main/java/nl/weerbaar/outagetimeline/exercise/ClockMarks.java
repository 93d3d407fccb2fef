package nl.weerbaar.outagetimeline.exercise;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
     * For a step of the running clock that publishes everything up to {@code upTo}: a mark there, to go out last in
     * the step's batch (after its events, on the exercise's partition, without a round trip of its own) — unless one
     * went out less than the interval ago or the clock has not moved since.
     */
    Optional<EventPublisher.Draft> due(ExerciseRun run, long upTo) {
        if (intervalMillis <= 0 || run.isReplay()) {
            return Optional.empty();
        }
        Mark before = last.get(run.exerciseId());
        if (before != null && (upTo <= before.upToSeconds()
                || clock.instant().isBefore(before.at().plusMillis(intervalMillis)))) {
            return Optional.empty();
        }
        return Optional.of(publisher.draft(EventType.CLOCK_PROGRESS_MARKED,
                EventIds.derived(run.exerciseId(), "clock-progress", Long.toString(upTo)), run.exerciseId(),
                new ProgressMarked(run.exerciseId(), SERVICE, upTo, 0, 1, false), Timeline.context(run, upTo)));
    }

    /** The mark went out: the next one no sooner than the interval. */
    void sent(ExerciseRun run, long upTo) {
        last.put(run.exerciseId(), new Mark(upTo, clock.instant()));
    }

    void forget(String exerciseId) {
        last.remove(exerciseId);
    }
}
