package nl.weerbaar.stack;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far every consumer group on the stack's broker is behind (the services' listeners and stream processors),
 * sampled every two seconds while a play runs: the peak per group, and the lag at a moment. Lag is counted against
 * what a read_committed consumer can read (the last stable offset), so it is what a group still has to do.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final Map<String, Long> peak = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "weerbaar-bench-lag");
        thread.setDaemon(true);
        return thread;
    });

    ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Starts sampling; the peaks count from here. */
    ConsumerLag start() {
        peak.clear();
        sampler.scheduleWithFixedDelay(() -> {
            try {
                now().forEach((group, lag) -> peak.merge(group, lag, Math::max));
            } catch (RuntimeException e) {
                // a group that rebalances or a broker that is busy: the next sample counts
            }
        }, 0, 2, TimeUnit.SECONDS);
        return this;
    }

    /** The highest lag seen per group since {@link #start}. */
    Map<String, Long> peak() {
        return new TreeMap<>(peak);
    }

    /** Every group's lag now: records on its partitions that it has not committed yet. */
    Map<String, Long> now() {
        try {
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                committed.values().removeIf(java.util.Objects::isNull);
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, Long> end = new HashMap<>();
                admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp,
                                tp -> OffsetSpec.latest())), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all().get().forEach((tp, info) -> end.put(tp, info.offset()));
                lag.put(group.groupId(), committed.entrySet().stream()
                        .mapToLong(e -> Math.max(0, end.getOrDefault(e.getKey(), 0L) - e.getValue().offset()))
                        .sum());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close();
    }
}
