package nl.weerbaar.outagetimeline.exercise;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.weerbaar.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Which exercises this instance's clock drives: those whose partition of the exercise topic Kafka assigned to this
 * instance's listener (consumer group {@value ProjectionCatchUp#GROUP}), once the listener has read that partition to
 * its end. With several instances every exercise has exactly one clock, and when an instance dies its partitions —
 * and so its exercises — move to another, which first reads what the dead one published. The group assigns
 * cooperatively, so a rebalance never takes a partition from an instance that keeps it.
 */
@Component
class ClockOwnership {

    private static final Logger log = LoggerFactory.getLogger(ClockOwnership.class);

    private final KafkaListenerEndpointRegistry listeners;
    private final ProjectionCatchUp projection;
    private final KafkaTemplate<String, Object> template;
    private final Set<Integer> driven = new HashSet<>();

    ClockOwnership(KafkaListenerEndpointRegistry listeners, ProjectionCatchUp projection,
                   KafkaTemplate<String, Object> template) {
        this.listeners = listeners;
        this.projection = projection;
        this.template = template;
    }

    /**
     * Follows the listener's assignment: partitions it lost are no longer driven; assigned ones whose records the
     * listener has applied are. Returns the partitions this instance has just taken over.
     */
    synchronized Set<Integer> refresh() {
        Set<Integer> assigned = assigned();
        driven.retainAll(assigned);
        Set<Integer> waiting = new TreeSet<>(assigned);
        waiting.removeAll(driven);
        Set<Integer> taken = new TreeSet<>(projection.caughtUp(waiting));
        if (!taken.isEmpty()) {
            driven.addAll(taken);
            log.info("driving the clocks of exercise-topic partitions {} (now {})", taken, new TreeSet<>(driven));
        }
        return taken;
    }

    /**
     * Kafka takes these partitions away (a rebalance, or this instance leaving the group): their clocks are no longer
     * driven here, at once, not at the next refresh — by then another instance may have taken them over.
     */
    synchronized void release(Collection<Integer> partitions) {
        if (driven.removeAll(partitions)) {
            log.info("no longer driving the clocks of exercise-topic partitions {} (now {})", new TreeSet<>(partitions),
                    new TreeSet<>(driven));
        }
    }

    synchronized boolean drives(String exerciseId) {
        return driven.contains(partitionOf(exerciseId));
    }

    /** The partition the exercise's events go to: the producer's own choice for the exercise id as key. */
    int partitionOf(String exerciseId) {
        int partitions = template.partitionsFor(Topics.EXERCISE).size();
        return Utils.toPositive(Utils.murmur2(exerciseId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private Set<Integer> assigned() {
        MessageListenerContainer container = listeners.getListenerContainer(ProjectionCatchUp.GROUP);
        Collection<TopicPartition> partitions = container == null ? null : container.getAssignedPartitions();
        Set<Integer> assigned = new HashSet<>();
        for (TopicPartition partition : partitions == null ? List.<TopicPartition>of() : partitions) {
            assigned.add(partition.partition());
        }
        return assigned;
    }
}
