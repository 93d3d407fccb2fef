package nl.weerbaar.vitalstatus.simulation;

import nl.weerbaar.kit.events.InboundEvent;
import nl.weerbaar.kit.events.InvalidEventException;
import nl.weerbaar.kit.streams.Routed;
import nl.weerbaar.kit.streams.StreamEvents;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Picks the cascade's input from vital-status's own topic (keyed by provider) and keys it by exercise, so that it
 * meets the exercise's clock on one partition. A broken record goes to the dead-letter topic.
 */
final class CascadeInputs implements Processor<String, Routed, String, Routed> {

    private final StreamEvents events;
    private ProcessorContext<String, Routed> context;

    CascadeInputs(StreamEvents events) {
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Routed> record) {
        InboundEvent event;
        try {
            event = events.read(record, context);
        } catch (InvalidEventException e) {
            context.forward(events.deadLetter(record, context, e));
            return;
        }
        if (CascadeStep.isInput(event)) {
            context.forward(record.withKey(event.exerciseId()).withValue(Routed.read(record.value().value())));
        }
    }
}
