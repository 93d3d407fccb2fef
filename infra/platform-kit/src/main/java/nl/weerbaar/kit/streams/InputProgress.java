package nl.weerbaar.kit.streams;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ProgressMarked;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.kit.events.InboundEvent;

/**
 * How far each input stream of one exercise has come, for a processor that joins them: the exercise clock (the latest
 * scenario time on the exercise topic; whether it said the exercise is paused there, or over) and the lowest
 * watermark of each upstream service over its partitions. Kept as JSON with the exercise's state.
 */
public record InputProgress(long clockAt, boolean clockEnded, boolean clockPaused,
                            Map<String, ProgressMarks.Low> marks) {

    public static InputProgress none() {
        return new InputProgress(-1, false, false, Map.of());
    }

    /** With an event of the exercise topic taken in. */
    public InputProgress clock(InboundEvent event) {
        long at = event.scenarioTimeSeconds();
        boolean paused = clockPaused && at <= clockAt;
        boolean ended = clockEnded;
        if (event.type() == EventType.EXERCISE_STATE_CHANGED) {
            ExerciseState state = event.payload(ExerciseStateChanged.class).state();
            paused = state == ExerciseState.PAUSED;
            ended |= state.isOver();
        }
        return new InputProgress(Math.max(clockAt, at), ended, paused, marks);
    }

    /** With an upstream service's watermark taken in. */
    public InputProgress marked(ProgressMarked mark) {
        Map<String, ProgressMarks.Low> next = new TreeMap<>(marks);
        next.put(mark.service(), next.getOrDefault(mark.service(), ProgressMarks.Low.none()).with(mark));
        return new InputProgress(clockAt, clockEnded, clockPaused, next);
    }

    /**
     * Scenario time through which every input is complete: the clock at T may still bring more at T, so through
     * T - 1 — through T once it said it is paused there (what a trainer does then is people's input) or that the
     * exercise is over; each of {@code upstream} through its lowest mark; -1 while one of them has not been heard of.
     */
    public long complete(Set<String> upstream) {
        long complete = clockEnded || clockPaused ? clockAt : clockAt - 1;
        for (String service : upstream) {
            ProgressMarks.Low low = marks.get(service);
            complete = Math.min(complete, low == null ? -1 : low.low());
        }
        return complete;
    }
}
