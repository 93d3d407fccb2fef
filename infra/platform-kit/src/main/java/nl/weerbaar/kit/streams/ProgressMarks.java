package nl.weerbaar.kit.streams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.ProgressMarked;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Watermarks, both sides. A producing processor writes one mark per partition of its topic once it has written every
 * event of an exercise up to scenario time T ({@link #marks}); a joining processor keeps the lowest mark over all
 * partitions ({@link Low}) and acts at T only once that has reached T — then nothing the producer decides at or before T
 * can still be on its way, whatever the speed or load.
 */
public final class ProgressMarks {

    private ProgressMarks() {
    }

    /** One mark for each partition of {@code type}'s topic, keyed by exercise; ids derived from what they mark. */
    public static List<Record<String, Routed>> marks(StreamEvents events, EventType type, String service,
                                                     String exerciseId, long upToSeconds, boolean ended,
                                                     int partitions, EventContext context) {
        List<Record<String, Routed>> out = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            Record<String, Routed> mark = events.event(type,
                    EventIds.derived(exerciseId, "progress", service, Long.toString(upToSeconds),
                            Boolean.toString(ended), Integer.toString(p)),
                    exerciseId, new ProgressMarked(exerciseId, service, upToSeconds, p, partitions, ended),
                    context.atScenarioTime(upToSeconds));
            out.add(mark.withValue(mark.value().toPartition(p)));
        }
        return out;
    }

    /**
     * The lowest mark of one producer over its partitions: {@code -1} until every partition has been marked.
     * Kept as JSON in a processor's state ({@code upTo[p]} per partition).
     */
    public record Low(long[] upTo, boolean[] ended) {

        public static Low none() {
            return new Low(new long[0], new boolean[0]);
        }

        /** With the mark of one partition taken in (marks of a partition only move forward). */
        public Low with(ProgressMarked mark) {
            long[] marks = upTo.length == mark.partitions() ? upTo.clone() : resized(mark.partitions());
            boolean[] ends = ended.length == mark.partitions() ? ended.clone() : new boolean[mark.partitions()];
            marks[mark.partition()] = Math.max(marks[mark.partition()], mark.upToSeconds());
            ends[mark.partition()] |= mark.ended();
            return new Low(marks, ends);
        }

        private long[] resized(int partitions) {
            long[] marks = new long[partitions];
            Arrays.fill(marks, -1);
            return marks;
        }

        /** Scenario time every partition has been marked at; -1 while one has not been marked yet. */
        public long low() {
            return upTo.length == 0 ? -1 : Arrays.stream(upTo).min().orElse(-1);
        }

        /** Every partition says the producer has taken in the exercise's end. */
        public boolean allEnded() {
            if (ended.length == 0) {
                return false;
            }
            for (boolean e : ended) {
                if (!e) {
                    return false;
                }
            }
            return true;
        }
    }
}
