package nl.weerbaar.situatiebeeld.log;

import org.springframework.data.annotation.Id;

/**
 * One event of an exercise as the live picture keeps it: its place in the exercise's feed ({@code seq}, in the order
 * this service took the events in), its scenario time, and its payload as JSON (without personal data).
 */
public record LogEntry(@Id String eventId, String exerciseId, long seq, String topic, String type, String key,
                       long atSeconds, String payload) {
}
