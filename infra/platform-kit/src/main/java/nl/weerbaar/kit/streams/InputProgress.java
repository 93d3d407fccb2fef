package nl.weerbaar.kit.streams;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.weerbaar.contracts.ProgressMarked;

/**
 * How far each input stream of one exercise has come, for a processor that joins them: the exercise clock (the latest
 * scenario time on the exercise topic; whether it said the exercise is over) and the lowest watermark of each upstream
 * service over its partitions. Kept as JSON with the exercise's state.
 */
public record InputProgress(long clockAt, boolean clockEnded, Map<String, ProgressMarks.Low> marks) {

    public static InputProgress none() {
        return new InputProgress(-1, false, Map.of());
    }

    /** With an event of the exercise topic taken in. */
    public InputProgress clock(long scenarioTimeSeconds, boolean over) {
        return new InputProgress(Math.max(clockAt, scenarioTimeSeconds), clockEnded || over, marks);
    }

    /** With an upstream service's watermark taken in. */
    public InputProgress marked(ProgressMarked mark) {
        Map<String, ProgressMarks.Low> next = new TreeMap<>(marks);
        next.put(mark.service(), next.getOrDefault(mark.service(), ProgressMarks.Low.none()).with(mark));
        return new InputProgress(clockAt, clockEnded, next);
    }

    /**
     * Scenario time through which every input is complete: the clock at T may still bring more at T, so through
     * T - 1 (through the end once it said so); each of {@code upstream} through its lowest mark; -1 while one of them
     * has not been heard of.
     */
    public long complete(Set<String> upstream) {
        long complete = clockEnded ? clockAt : clockAt - 1;
        for (String service : upstream) {
            ProgressMarks.Low low = marks.get(service);
            complete = Math.min(complete, low == null ? -1 : low.low());
        }
        return complete;
    }
}
