package nl.weerbaar.outagetimeline.exercise;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drives the engine every {@code weerbaar.timeline.step-ms}: the exercises whose partition this instance owns (see
 * {@link ClockOwnership}); running ones on a partition it has just taken over resume where they were played up to.
 * Stops before Kafka and MongoDB clients close.
 */
@Component
class EngineScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineScheduler.class);

    private final ExerciseEngine engine;
    private final ClockOwnership ownership;
    private final long stepMillis;
    private ScheduledExecutorService executor;

    EngineScheduler(ExerciseEngine engine, ClockOwnership ownership,
                    TimelineSettings settings) {
        this.engine = engine;
        this.ownership = ownership;
        this.stepMillis = settings.stepMs();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "exercise-engine"));
        executor.scheduleWithFixedDelay(this::tick, 0, stepMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            Set<Integer> taken = ownership.refresh();
            if (!taken.isEmpty()) {
                engine.resume(exerciseId -> taken.contains(ownership.partitionOf(exerciseId)));
            }
            engine.step(ownership::drives);
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

    /**
     * After the listener containers (phase {@code Integer.MAX_VALUE - 100}): started once they run, and stopped before
     * they are, so a stopping instance has finished playing before its partitions — and its clocks — go to another.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10;
    }
}
