package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import org.springframework.stereotype.Component;

/**
 * The current picture of each exercise someone looks at, kept in memory and moved on by every event as it is taken
 * in; built from the log the first time it is asked for (so a restart loses nothing). The picture as it was at an
 * earlier scenario time is folded from the log on demand.
 */
@Component
public class LivePictures {

    private final PictureLog log;
    private final Map<String, Picture> pictures = new HashMap<>();

    public LivePictures(PictureLog log) {
        this.log = log;
    }

    /** The exercise's current picture as JSON (taken under the lock, so it is never half-updated). */
    public synchronized String currentJson(String exerciseId) {
        return json(pictures.computeIfAbsent(exerciseId, ex -> PictureFolder.fold(ex, log.all(ex))));
    }

    /** An event was taken in: the picture moves on, if anyone has looked at it yet. */
    public synchronized void taken(LogEntry entry) {
        Picture picture = pictures.get(entry.exerciseId());
        if (picture != null && entry.seq() > picture.lastSeq) {
            PictureFolder.apply(picture, entry);
        }
    }

    /** The picture as it was at scenario time {@code at}: everything that had happened by then, in scenario order. */
    public String asOfJson(String exerciseId, long at) {
        Picture picture = PictureFolder.fold(exerciseId, log.upTo(exerciseId, at));
        picture.clockSeconds = at;
        return json(picture);
    }

    private static String json(Picture picture) {
        try {
            return EventJson.mapper().writeValueAsString(picture);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("picture of " + picture.exerciseId + " cannot be written", e);
        }
    }
}
