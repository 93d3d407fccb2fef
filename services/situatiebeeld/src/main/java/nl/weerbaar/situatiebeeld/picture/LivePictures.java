package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The current picture of each exercise someone looks at, kept in memory and moved on by every event as it is taken
 * in; built from the log the first time it is asked for (so a restart loses nothing). The picture as it was at an
 * earlier scenario time is folded from the log on demand. At most {@code capacity} pictures are kept, the ones looked
 * at last: a long-running server that saw many exercises does not keep them all, and one looked at again is folded
 * from the log anew, so dropping a picture loses nothing.
 */
@Component
public class LivePictures {

    private final PictureLog log;
    private final Map<String, Picture> pictures;

    public LivePictures(PictureLog log, @Value("${weerbaar.situatiebeeld.live-pictures:32}") int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("weerbaar.situatiebeeld.live-pictures must be at least 1: " + capacity);
        }
        this.log = log;
        this.pictures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Picture> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The exercise's current picture as JSON (taken under the lock, so it is never half-updated). */
    public synchronized String currentJson(String exerciseId) {
        return json(pictures.computeIfAbsent(exerciseId, ex -> PictureFolder.fold(ex, log.all(ex))));
    }

    /** An event was taken in: the picture moves on, if anyone has looked at it yet. */
    public synchronized void taken(LogEntry entry) {
        Picture picture = pictures.get(entry.exerciseId()); // counts as a use: an exercise that moves stays kept
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
