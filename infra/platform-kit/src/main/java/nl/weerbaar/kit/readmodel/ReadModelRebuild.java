package nl.weerbaar.kit.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.weerbaar.kit.idempotency.AppliedOffsets;
import nl.weerbaar.kit.idempotency.ProcessedEvents;
import nl.weerbaar.kit.web.ApiException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Rebuilds a read model from the topics, which are the record: stop its listener, empty its collections and its
 * consumer's marks of what it applied (events, offsets), set its group's offsets to the start of every partition,
 * start it again. The listener then folds everything anew; {@link #status} tells when it has reached the topics' ends as they were when
 * the rebuild began. Only while no other instance consumes in the group: Kafka refuses to move the offsets of a group
 * with members, and a half-rebuilt model shared by running instances would be wrong.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration GROUP_EMPTY_PATIENCE = Duration.ofSeconds(15);
    private static final long ADMIN_TIMEOUT_SECONDS = 15;

    private final List<ReadModel> models;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final MongoTemplate mongo;
    /** Per read model rebuilt: the end offsets when its rebuild began, which it must reach to be rebuilt. */
    private final Map<String, Map<TopicPartition, Long>> targets = new ConcurrentHashMap<>();

    public ReadModelRebuild(List<ReadModel> models, KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
                            MongoTemplate mongo) {
        this.models = List.copyOf(models);
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
    }

    public List<ReadModel> models() {
        return models;
    }

    /** Where a read model stands: whether a rebuild is under way, and how many records its listener has yet to read. */
    public record Status(String name, List<String> collections, String group, boolean rebuilding, long remaining) {
    }

    public synchronized Status rebuild(String name) {
        ReadModel model = find(name);
        MessageListenerContainer container = container(model);
        String group = container.getGroupId();
        container.stop();
        boolean started = false;
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            int members = membersAfterLeaving(admin, group);
            if (members > 0) {
                container.start();
                started = true;
                throw ApiException.conflict("read-model.group-busy", name, group, members);
            }
            List<TopicPartition> partitions = partitions(admin, List.of(container.getContainerProperties().getTopics()));
            Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = offsets(admin, partitions, OffsetSpec.latest());
            for (String collection : model.collections()) {
                mongo.dropCollection(collection);
            }
            Query marks = Query.query(Criteria.where("_id").regex("^" + Pattern.quote(
                    AppliedOffsets.prefix(model.consumer()))));
            mongo.remove(marks, ProcessedEvents.COLLECTION);
            mongo.remove(marks, AppliedOffsets.COLLECTION);
            admin.alterConsumerGroupOffsets(group, earliest.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            targets.put(name, latest);
            log.info("rebuilding read model {} (collections {}) from {} partitions of {}", name,
                    model.collections(), partitions.size(), List.of(container.getContainerProperties().getTopics()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while rebuilding " + name + ": " + e, e);
        } finally {
            if (!started) {
                container.start();
            }
        }
        return status(name);
    }

    /**
     * How far the read model's listener is behind: during a rebuild, behind the topics' ends as they were when it
     * began; otherwise behind their ends now.
     */
    public Status status(String name) {
        ReadModel model = find(name);
        MessageListenerContainer container = container(model);
        Map<TopicPartition, Long> rebuildTarget = targets.get(name);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            Map<TopicPartition, Long> target = rebuildTarget != null ? rebuildTarget : offsets(admin,
                    partitions(admin, List.of(container.getContainerProperties().getTopics())), OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(container.getGroupId())
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long remaining = target.entrySet().stream().mapToLong(e -> {
                OffsetAndMetadata at = committed.get(e.getKey());
                return Math.max(0, e.getValue() - (at == null ? 0 : at.offset()));
            }).sum();
            if (rebuildTarget != null && remaining == 0) {
                targets.remove(name, rebuildTarget);
            }
            return new Status(name, model.collections(), container.getGroupId(), rebuildTarget != null
                    && remaining > 0, remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the progress of " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer about " + name + ": " + e, e);
        }
    }

    private ReadModel find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("read-model.unknown", name,
                        models.stream().map(ReadModel::name).toList()));
    }

    private MessageListenerContainer container(ReadModel model) {
        MessageListenerContainer container = listeners.getListenerContainer(model.listenerId());
        if (container == null) {
            throw new IllegalStateException("no listener " + model.listenerId() + " for read model " + model.name());
        }
        return container;
    }

    /** The group's members once this instance's consumer has left (leaving takes a moment after the stop). */
    private static int membersAfterLeaving(Admin admin, String group)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + GROUP_EMPTY_PATIENCE.toNanos();
        while (true) {
            int members = admin.describeConsumerGroups(List.of(group)).all()
                    .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(group).members().size();
            if (members == 0 || System.nanoTime() > deadline) {
                return members;
            }
            TimeUnit.MILLISECONDS.sleep(200); // the coordinator is told, not asked; nothing to wait on but time
        }
    }

    private static List<TopicPartition> partitions(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return partitions;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
