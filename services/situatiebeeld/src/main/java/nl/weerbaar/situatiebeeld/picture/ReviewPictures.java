package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The picture as it was at a scenario time, for the after-action review's slider. Folding a national exercise's whole
 * log for every move of the slider would take seconds, so the picture is kept at every scenario hour a fold passes
 * (collection {@code picture_snapshots}) and a later request folds only from the last hour before its time. A
 * snapshot holds while no entry of an earlier scenario time has been appended to the log since it was taken (a
 * running exercise's log grows at its end); one that no longer holds is dropped and taken again.
 */
@Component
public class ReviewPictures {

    static final String COLLECTION = "picture_snapshots";
    /** Scenario seconds between snapshots: a slider move folds at most an hour of the exercise. */
    static final long EVERY = 3600;

    /** The whole picture, the parts the page gets through summaries (help requests, alerts) included. */
    private static final ObjectMapper FULL = EventJson.mapper().copy()
            .addMixIn(Picture.class, WithEverything.class)
            .addMixIn(Picture.Provider.class, ProviderWithPlaces.class)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            // the page's summaries (getAlertTimes ...) are computed: never read back into them
            .configure(MapperFeature.USE_GETTERS_AS_SETTERS, false);

    private abstract static class WithEverything {
        @JsonIgnore(false) public Map<String, Picture.HelpRequest> helpRequests;
        @JsonIgnore(false) public List<Picture.Alert> alerts;
        @JsonIgnore(false) public Expectations evaluation;
        @JsonIgnore(false) public List<nl.weerbaar.contracts.crisisteam.Observation> observations;
    }

    private abstract static class ProviderWithPlaces {
        @JsonIgnore(false) public List<String> places;
    }

    /** The picture of an exercise folded up to (not including) scenario time {@code boundary}. */
    record Snapshot(@Id String id, String exerciseId, long boundary, long logSeq, String picture) {
    }

    private final PictureLog log;
    private final MongoTemplate mongo;

    public ReviewPictures(PictureLog log, MongoTemplate mongo) {
        this.log = log;
        this.mongo = mongo;
    }

    /** The picture at scenario time {@code at} as the page gets it (JSON). */
    public String atJson(String exerciseId, long at) {
        return LivePictures.json(at(exerciseId, at));
    }

    /** The picture at scenario time {@code at}: everything that had happened by then, in scenario-time order. */
    public Picture at(String exerciseId, long at) {
        long logSeq = log.lastSeq(exerciseId); // before reading: what the fold takes in includes at least this
        Snapshot start = lastHolding(exerciseId, at, logSeq);
        Picture picture = start == null ? empty(exerciseId) : read(start.picture());
        long next = start == null ? EVERY : start.boundary() + EVERY;
        try (Stream<LogEntry> entries = log.between(exerciseId, start == null ? Long.MIN_VALUE : start.boundary(),
                at)) {
            Iterator<LogEntry> it = entries.iterator();
            while (it.hasNext()) {
                LogEntry entry = it.next();
                for (; next <= entry.atSeconds(); next += EVERY) {
                    keep(exerciseId, next, logSeq, picture);
                }
                PictureFolder.apply(picture, entry);
            }
        }
        picture.clockSeconds = at;
        return picture;
    }

    /**
     * The latest snapshot at or before {@code at} that still holds; those that no longer do are dropped. One taken
     * when the log ended where it ends now holds without asking the log (an exercise that is over: every move).
     */
    private Snapshot lastHolding(String exerciseId, long at, long logSeq) {
        while (true) {
            Snapshot snapshot = mongo.findOne(Query.query(Criteria.where("exerciseId").is(exerciseId)
                    .and("boundary").lte(at)).with(Sort.by(Sort.Direction.DESC, "boundary")).limit(1),
                    Snapshot.class, COLLECTION);
            if (snapshot == null || snapshot.logSeq() == logSeq
                    || !log.appendedAfter(exerciseId, snapshot.logSeq(), snapshot.boundary())) {
                return snapshot;
            }
            mongo.remove(Query.query(Criteria.where("_id").is(snapshot.id())), COLLECTION);
        }
    }

    private void keep(String exerciseId, long boundary, long logSeq, Picture picture) {
        mongo.save(new Snapshot(exerciseId + "|" + boundary, exerciseId, boundary, logSeq, write(picture)),
                COLLECTION);
    }

    private static Picture empty(String exerciseId) {
        Picture picture = new Picture();
        picture.exerciseId = exerciseId;
        return picture;
    }

    static String write(Picture picture) {
        try {
            return FULL.writeValueAsString(picture);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("picture of " + picture.exerciseId + " cannot be written", e);
        }
    }

    static Picture read(String json) {
        try {
            return FULL.readValue(json, Picture.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot of a picture cannot be read", e);
        }
    }
}
