package nl.weerbaar.situatiebeeld.stream;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves the live pictures and the browsers on with the picture log, every {@code weerbaar.situatiebeeld.follow.
 * interval-ms}. The log, not this instance's share of the topics, is what the pictures follow: with several instances
 * each appends only the exercises of its partitions, and each still shows every exercise whole.
 */
@Component
@EnableConfigurationProperties(LogFollower.FollowSettings.class)
class LogFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

    /**
     * How often the picture log is read, and at most how much at a time.
     *
     * @param intervalMs milliseconds between two reads of the log
     * @param batch      at most this many entries per exercise per read
     */
    @ConfigurationProperties("weerbaar.situatiebeeld.follow")
    record FollowSettings(@DefaultValue("100") long intervalMs, @DefaultValue("2000") int batch) {
    }

    private final LivePictures pictures;
    private final StreamHub hub;
    private final FollowSettings settings;
    private ScheduledExecutorService executor;

    LogFollower(LivePictures pictures, StreamHub hub, FollowSettings settings) {
        this.pictures = pictures;
        this.hub = hub;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "picture-log-follower"));
        executor.scheduleWithFixedDelay(this::follow, settings.intervalMs(), settings.intervalMs(),
                TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try {
            pictures.followLog(settings.batch()).forEach(hub::taken);
        } catch (RuntimeException e) {
            // MongoDB briefly away: the pictures stay where they are and move on at the next read
            log.warn("could not read the picture log: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
