package nl.weerbaar.outagetimeline.replay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Recordings imported from another installation (collection {@code imported_recordings}), kept under an id derived
 * from the file ({@code imp-} and its digest): the same file imported twice is one recording. The exercise the file
 * comes from is renamed to that id in keys and payloads, so an import never meets an exercise of this installation,
 * not even its own original. A replay of it reads it here instead of from Kafka. Kept in chunks: a document holds at
 * most 16 MB.
 */
@Component
public class ImportedRecordings {

    static final String COLLECTION = "imported_recordings";
    private static final int CHUNK = 1000;

    /** {@code lines} of an import, from event number {@code chunk × CHUNK}; chunk -1 holds the header. */
    record Chunk(@Id String id, String importId, int chunk, List<String> lines) {
    }

    private final MongoTemplate mongo;

    ImportedRecordings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static String idOf(RecordingFile.Read file) {
        return "imp-" + file.digest().substring(0, 16);
    }

    /** Keeps the file's events under its import id (again: the same documents); the header last, as its seal. */
    public String keep(RecordingFile.Read file) {
        String importId = idOf(file);
        String original = file.header().exerciseId();
        List<RecordedEvent> events = file.events();
        for (int from = 0, chunk = 0; from < events.size(); from += CHUNK, chunk++) {
            List<String> lines = new ArrayList<>();
            for (RecordedEvent e : events.subList(from, Math.min(events.size(), from + CHUNK))) {
                lines.add(RecordingFile.text(e.in(original, importId)));
            }
            mongo.save(new Chunk(importId + "|" + chunk, importId, chunk, lines), COLLECTION);
        }
        mongo.save(new Chunk(importId + "|header", importId, -1, List.of(original)), COLLECTION);
        return importId;
    }

    public boolean has(String importId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(importId + "|header")), COLLECTION);
    }

    /** The import's events between two scenario times (inclusive), the world always; empty if there is none. */
    Optional<List<RecordedEvent>> read(String importId, long fromSeconds, long toSeconds) {
        if (!has(importId)) {
            return Optional.empty();
        }
        List<RecordedEvent> events = new ArrayList<>();
        long[] order = {0};
        mongo.find(Query.query(Criteria.where("importId").is(importId).and("chunk").gte(0))
                .with(Sort.by("chunk")), Chunk.class, COLLECTION).forEach(c -> c.lines().forEach(line -> {
                    RecordedEvent e = RecordingFile.parse(line, order[0]++);
                    if (e.type() == nl.weerbaar.contracts.EventType.SCENARIO_LOADED
                            || (e.scenarioTimeSeconds() >= fromSeconds && e.scenarioTimeSeconds() <= toSeconds)) {
                        events.add(e);
                    }
                }));
        events.sort(Comparator.comparingLong(RecordedEvent::offset));
        return Optional.of(events);
    }
}
