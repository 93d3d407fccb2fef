package nl.weerbaar.outagetimeline.exercise;

import java.util.Map;
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
 * Tells whether this service's own listener has applied everything on the exercise topic, by comparing its group's
 * committed offsets with the topic's end. The engine waits for this after a start, so an event that reached Kafka just
 * before a crash is known before the engine decides what is still due.
 */
@Component
class ProjectionCatchUp {

    static final String GROUP = "outage-timeline";

    private final KafkaAdmin kafkaAdmin;

    ProjectionCatchUp(KafkaAdmin kafkaAdmin) {
        this.kafkaAdmin = kafkaAdmin;
    }

    boolean caughtUp() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(Topics.EXERCISE))
                    .allTopicNames().get(10, TimeUnit.SECONDS).get(Topics.EXERCISE).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.EXERCISE, p.partition()),
                            p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || (committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
