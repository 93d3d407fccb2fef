package nl.weerbaar.contracts;

/**
 * A watermark: {@code service} has processed exercise {@code exerciseId} up to scenario time {@code upToSeconds} and
 * wrote every event of that exercise up to then before this mark — on partition {@code partition} of {@code
 * partitions}, each of which gets its own mark. A processor that joins this service's topic with another acts at T only
 * once every partition has been marked at T or later, so its outcome never depends on which topic it read faster.
 * {@code ended}: the service has taken in the exercise's end; marks may still follow for input applied at the end.
 */
public record ProgressMarked(String exerciseId, String service, long upToSeconds, int partition, int partitions,
                             boolean ended) {
}
