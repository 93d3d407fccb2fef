package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import jakarta.validation.constraints.Positive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.springframework.stereotype.Component;

/**
 * The current picture of each exercise someone looks at, kept in memory and moved on by the log's entries as they
 * are appended ({@link #followLog}); built from the log the first time it is asked for (so a restart loses nothing). The picture as it was at an
 * earlier scenario time is {@link ReviewPictures}'. At most {@code capacity} pictures are kept, the ones looked
 * at last: a long-running server that saw many exercises does not keep them all, and one looked at again is folded
 * from the log anew, so dropping a picture loses nothing.
 */
@Component
@EnableConfigurationProperties(LivePictures.Settings.class)
public class LivePictures {

    /**
     * {@code weerbaar.situatiebeeld.*}.
     *
     * @param livePictures how many exercises' live pictures are kept folded in memory (the least recently shown goes
     *                     first; it is folded from its log again when asked for)
     */
    @ConfigurationProperties("weerbaar.situatiebeeld")
    @Validated
    record Settings(@DefaultValue("32") @Positive int livePictures) {
    }

    private final PictureLog log;
    private final Map<String, Picture> pictures;

    @Autowired
    LivePictures(PictureLog log, Settings settings) {
        this(log, settings.livePictures());
    }

    public LivePictures(PictureLog log, int capacity) {
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
        return json(pictures.computeIfAbsent(exerciseId, this::folded));
    }

    /** The names of the exercise's NSPs, providers and places by id (the id where none is known). */
    public synchronized Function<String, String> names(String exerciseId) {
        Map<String, String> names = pictures.computeIfAbsent(exerciseId, this::folded).names;
        return id -> names.getOrDefault(id, id);
    }

    /** What {@code reader} finds on the exercise's current picture, read under the lock (never half-updated). */
    public synchronized <T> T read(String exerciseId, Function<Picture, T> reader) {
        return reader.apply(pictures.computeIfAbsent(exerciseId, this::folded));
    }

    /** An alert on the exercise's current picture. */
    public synchronized Optional<Picture.Alert> alert(String exerciseId, String alertId) {
        return pictures.computeIfAbsent(exerciseId, this::folded).alert(alertId);
    }

    /**
     * Moves every picture held on to the end of its exercise's log (at most {@code limit} entries each) and returns
     * the entries it took, for the browsers. Every instance of the service does this, so each keeps complete
     * pictures whichever instance appended the entries.
     */
    public synchronized List<LogEntry> followLog(int limit) {
        List<LogEntry> taken = new ArrayList<>();
        for (Picture picture : List.copyOf(pictures.values())) { // iterating values is no "use": the order stays
            for (LogEntry entry : log.after(picture.exerciseId, picture.lastSeq, limit)) {
                PictureFolder.apply(picture, entry);
                taken.add(entry);
            }
        }
        return taken;
    }

    private Picture folded(String exerciseId) {
        try (Stream<LogEntry> entries = log.inOrder(exerciseId)) {
            return PictureFolder.fold(exerciseId, entries::iterator);
        }
    }

    static String json(Picture picture) {
        try {
            return EventJson.mapper().writeValueAsString(picture);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("picture of " + picture.exerciseId + " cannot be written", e);
        }
    }
}
