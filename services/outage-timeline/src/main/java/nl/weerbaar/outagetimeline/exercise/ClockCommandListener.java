package nl.weerbaar.outagetimeline.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.exercise.ClockCommandSubmitted;
import nl.weerbaar.kit.events.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the forwarded clock commands. Every instance reads all of them (a consumer group of its own, from the end
 * on: a command matters only to the instance driving the clock now); only that one applies a command, once — the
 * claim in {@link CommandOutcomes} is the guard, not a per-group record of processed events, which the instances'
 * groups would share in MongoDB.
 */
@Component
class ClockCommandListener {

    private final ClockCommands commands;
    private final SchemaValidator validator;

    ClockCommandListener(ClockCommands commands, SchemaValidator validator) {
        this.commands = commands;
        this.validator = validator;
    }

    @KafkaListener(id = "outage-timeline-clock-commands", topics = Topics.EXERCISE_COMMANDS,
            groupId = "outage-timeline-clock-commands-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, JsonNode> record) {
        InboundEvent event = InboundEvent.from(record, validator); // a broken record goes to the dead-letter topic
        if (event.type() == EventType.CLOCK_COMMAND_SUBMITTED) {
            commands.forwarded(event.id(), event.payload(ClockCommandSubmitted.class));
        }
    }
}
