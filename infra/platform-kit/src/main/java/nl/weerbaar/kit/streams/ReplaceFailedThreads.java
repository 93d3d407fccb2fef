package nl.weerbaar.kit.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a stream processor does when its thread fails on something it does not handle itself (a broker away longer
 * than the task timeout, a fenced transaction): a new thread takes the tasks over, from the last committed
 * transaction and the changelogs, so nothing is lost or done twice under exactly_once_v2. Kafka's default would shut
 * the whole processor down, and the service would sit there ready to answer but no longer simulating. A record the
 * model refuses never gets here: it goes to its dead-letter topic.
 */
public final class ReplaceFailedThreads implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ReplaceFailedThreads.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("Stream thread failed; a new one takes its tasks over / stroomverwerker valt uit, een nieuwe neemt over",
                exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
