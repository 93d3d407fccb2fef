package nl.weerbaar.outagetimeline.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseStateChanged;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.InjectPlanChanged;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Listens to its own topic: a created exercise is set up here (DESIGN.md §1), and every clock and plan event is
 * applied again with its offset, which changes nothing when the engine applied it already and repairs the state when
 * the service stopped between publishing and storing.
 */
@Component
class ExerciseTopicListener implements ConsumerSeekAware {

    private final InboundEvents inbound;
    private final ExerciseEngine engine;
    private final ExerciseRuns runs;
    private final InjectPlan plan;
    private final EmittedEvents emitted;
    private final ClockOwnership ownership;
    private final TakenDecisions decisions;

    ExerciseTopicListener(InboundEvents inbound, ExerciseEngine engine, ExerciseRuns runs, InjectPlan plan,
                          EmittedEvents emitted, ClockOwnership ownership, TakenDecisions decisions) {
        this.decisions = decisions;
        this.inbound = inbound;
        this.engine = engine;
        this.runs = runs;
        this.plan = plan;
        this.emitted = emitted;
        this.ownership = ownership;
    }

    /** Cooperative assignment: an instance keeps the partitions (and so the clocks) it still owns through a rebalance. */
    @KafkaListener(id = ProjectionCatchUp.GROUP, groupId = ProjectionCatchUp.GROUP, topics = Topics.EXERCISE,
            properties = "partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
    void on(ConsumerRecord<String, JsonNode> record) {
        inbound.handle("engine", record, this::apply);
    }

    /**
     * Partitions going to another instance (or this one stopping): their clocks stop here once the engine's current
     * step is done, before Kafka hands them on — so the next owner reads everything this one published and no two
     * instances play one exercise.
     */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        engine.between(() -> ownership.release(partitions.stream().map(TopicPartition::partition).toList()));
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case EXERCISE_CREATED -> engine.setUp(event.payload(ExerciseCreated.class), event.id(), event.offset(),
                    event.epochMillis());
            case EXERCISE_STATE_CHANGED -> runs.applyState(event.payload(ExerciseStateChanged.class), event.offset(),
                    event.time());
            case INJECT_FIRED -> plan.applyFired(event.payload(InjectFired.class), event.scenarioTimeSeconds(),
                    event.offset());
            case INJECT_PLAN_CHANGED -> plan.applyChange(event.payload(InjectPlanChanged.class), event.offset());
            case DECISION_TAKEN -> decisions.remember(event.payload(Decision.class));
            default -> {
                // phases, demand, volunteers, ticks: nothing to apply beyond knowing they are out
            }
        }
        emitted.add(event.id(), event.exerciseId());
    }
}
