package nl.weerbaar.outagetimeline.exercise;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Tells which partitions of the exercise topic this service's own listener has applied to their end, by comparing its
 * group's committed offsets with the partitions' ends. The engine drives an exercise only once its partition is caught
 * up, so an event that reached Kafka just before a crash (its own or the previous owner's) is known before the engine
 * decides what is still due.
 */
@Component
class ProjectionCatchUp {

    static final String GROUP = "outage-timeline";

    private final KafkaAdmin kafkaAdmin;

    ProjectionCatchUp(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    /**
     * Which of {@code partitions} of the exercise topic the listener has read to their end (its group's committed
     * offset at the end offset, or the partition empty).
     */
    Set<Integer> caughtUp(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return Set.of();
        }
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(
                    p -> new TopicPartition(Topics.EXERCISE, p), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().filter(end -> end.getValue().offset() == 0
                            || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue().offset()))
                    .map(end -> end.getKey().partition()).collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        } catch (ExecutionException | TimeoutException e) {
            return Set.of();
        }
    }
}
