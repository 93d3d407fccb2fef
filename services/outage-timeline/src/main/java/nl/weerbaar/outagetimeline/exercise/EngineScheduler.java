package nl.weerbaar.outagetimeline.exercise;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drives the engine: once the own listener has caught up with the exercise topic, running exercises resume and the
 * engine steps every {@code weerbaar.timeline.step-ms}. Stops before Kafka and MongoDB clients close.
 */
@Component
class EngineScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineScheduler.class);

    private final ExerciseEngine engine;
    private final ProjectionCatchUp projection;
    private final long stepMillis;
    private ScheduledExecutorService executor;
    private volatile boolean resumed;

    EngineScheduler(ExerciseEngine engine, ProjectionCatchUp projection,
                    @Value("${weerbaar.timeline.step-ms:25}") long stepMillis) {
        this.engine = engine;
        this.projection = projection;
        this.stepMillis = stepMillis;
    }

    @Override
    public synchronized void start() {
        resumed = false;
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "exercise-engine"));
        executor.scheduleWithFixedDelay(this::tick, 0, stepMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            if (!resumed) {
                if (!projection.caughtUp()) {
                    return;
                }
                engine.resumeAfterRestart();
                resumed = true;
                log.info("exercise engine running");
            }
            engine.step();
        } catch (RuntimeException e) {
            log.warn("engine step failed, retrying: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // a late phase: started when everything else runs; stopped first, before the clients close on destroy
        return Integer.MAX_VALUE - 1000;
    }
}
