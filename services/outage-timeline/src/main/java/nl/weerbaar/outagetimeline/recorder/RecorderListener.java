package nl.weerbaar.outagetimeline.recorder;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.kit.events.InboundEvents;
import nl.weerbaar.kit.readmodel.ReadModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.kit.kafka.KafkaKitConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts what every exercise puts on the record, on all topics, so trainers see the size of past exercises. */
@Component
class RecorderListener implements ReadModel.Folder {

    private final InboundEvents inbound;
    private final EventCounts counts;

    RecorderListener(InboundEvents inbound, EventCounts counts) {
        this.inbound = inbound;
        this.counts = counts;
    }

    @Override
    public ReadModel readModel() {
        return new ReadModel("event-counts", GROUP, "recorder", List.of(EventCounts.COLLECTION));
    }

    static final String GROUP = "outage-timeline-recorder";

    /**
     * A poll at a time: its events counted per exercise and type, one upsert per exercise. Counting needs the envelope
     * only (exercise and type), so the payloads are not checked here: their owners' read models check them.
     */
    @KafkaListener(id = GROUP, groupId = GROUP, containerFactory = KafkaKitConfiguration.BATCH_LISTENERS,
            topics = {Topics.EXERCISE, Topics.VITAL_STATUS, Topics.NOODSTEUNPUNT, Topics.BURGERHULP})
    void on(List<ConsumerRecord<String, JsonNode>> records) {
        inbound.handleBatch("recorder", records, InboundEvents.Interest.ENVELOPES, events -> {
            Map<String, Map<String, Integer>> byExercise = new LinkedHashMap<>();
            events.forEach(event -> byExercise.computeIfAbsent(event.exerciseId(), id -> new TreeMap<>())
                    .merge(shortName(event.type().type()), 1, Integer::sum));
            byExercise.forEach(counts::count);
        });
    }

    /** {@code nl.weerbaar.exercise.inject-fired.v1} → {@code inject-fired}: a field name MongoDB accepts. */
    static String shortName(String ceType) {
        String[] parts = ceType.split("\\.");
        return parts[parts.length - 2];
    }
}
