package nl.weerbaar.outagetimeline.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.web.ApiException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes the crisis team's decisions (submitted on the crisis-team topic by the live picture) onto the exercise topic.
 * Like a forwarded clock command, every instance reads them (a group of its own) and only the one driving the
 * exercise's clock takes each, once — the claim in {@link CommandOutcomes} is the guard, kept for good. Unlike a clock
 * command nobody waits for an answer, so each instance reads from the beginning: a decision submitted while its
 * listener was still joining is not passed by (one claimed before is skipped). A decision the exercise cannot take
 * (it has ended meanwhile) stays on the crisis-team topic as submitted, refused in the claim, and is logged.
 */
@Component
class DecisionListener {

    private static final Logger log = LoggerFactory.getLogger(DecisionListener.class);

    private final ExerciseEngine engine;
    private final ClockOwnership ownership;
    private final CommandOutcomes outcomes;
    private final SchemaValidator validator;

    DecisionListener(ExerciseEngine engine, ClockOwnership ownership, CommandOutcomes outcomes,
                     SchemaValidator validator) {
        this.engine = engine;
        this.ownership = ownership;
        this.outcomes = outcomes;
        this.validator = validator;
    }

    @KafkaListener(id = "outage-timeline-decisions", topics = Topics.CRISIS_TEAM,
            groupId = "outage-timeline-decisions-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void on(ConsumerRecord<String, JsonNode> record) {
        InboundEvent event = InboundEvent.fromEnvelope(record, validator); // a broken envelope: dead-letter topic
        if (event.type() != EventType.DECISION_SUBMITTED || event.isReplay()) {
            return; // acknowledgements are the picture's
        }
        Decision decision = InboundEvent.from(record, validator).payload(Decision.class);
        if (!ownership.drives(decision.exerciseId()) || !outcomes.claim(event.id())) {
            return;
        }
        try {
            outcomes.done(event.id(), engine.decide(decision, event.id()));
        } catch (ApiException refusal) {
            outcomes.refused(event.id(), refusal);
            log.warn("decision {} of exercise {} not taken: {}", decision.decisionId(), decision.exerciseId(),
                    refusal.getMessage());
        } catch (RuntimeException e) {
            outcomes.release(event.id()); // e.g. the broker briefly away: the redelivery may take it
            throw e;
        }
    }
}
