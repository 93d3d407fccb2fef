package nl.weerbaar.situatiebeeld.stream;

import java.util.List;
import java.util.function.Function;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.FeedItem;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import nl.weerbaar.situatiebeeld.picture.ReviewPictures;
import nl.weerbaar.situatiebeeld.picture.Watchers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live picture for the crisis team and trainers: the picture now or at a scenario time (after-action review),
 * the event feed, and the live stream. Reading needs the crisis-team or trainer role.
 */
@RestController
class PictureController {

    private static final int FEED_PAGE = 300;

    private final Access access;
    private final ExerciseClocks clocks;
    private final LivePictures pictures;
    private final ReviewPictures review;
    private final PictureLog log;
    private final StreamHub hub;

    PictureController(Access access, ExerciseClocks clocks, LivePictures pictures, ReviewPictures review,
                      PictureLog log, StreamHub hub) {
        this.review = review;
        this.access = access;
        this.clocks = clocks;
        this.pictures = pictures;
        this.log = log;
        this.hub = hub;
    }

    /** The picture now, or as it was at scenario time {@code at} (seconds). */
    @GetMapping(value = "/api/exercises/{exerciseId}/picture", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> picture(@PathVariable String exerciseId, @RequestParam(required = false) Long at) {
        allowed(exerciseId);
        return ResponseEntity.ok(at == null ? pictures.currentJson(exerciseId) : review.atJson(exerciseId, at));
    }

    /** The feed: after number {@code after}, or the last lines up to scenario time {@code at}, or the last lines. */
    @GetMapping("/api/exercises/{exerciseId}/feed")
    List<FeedItem> feed(@PathVariable String exerciseId, @RequestParam(required = false) Long after,
                        @RequestParam(required = false) Long at) {
        allowed(exerciseId);
        List<LogEntry> entries;
        if (after != null) {
            entries = log.after(exerciseId, after, FEED_PAGE);
        } else if (at != null) {
            entries = log.lastUpTo(exerciseId, at, FEED_PAGE);
        } else {
            entries = log.latest(exerciseId, FEED_PAGE);
        }
        Function<String, String> names = pictures.names(exerciseId);
        return entries.stream().filter(FeedItem::shown).map(e -> FeedItem.of(e, names)).toList();
    }

    /**
     * The live stream: a {@code picture} event at once and whenever the picture changes, a {@code feed} event per
     * event. A browser that reconnects sends {@code Last-Event-ID} (or {@code after}) and gets what it missed.
     */
    @GetMapping(value = "/api/exercises/{exerciseId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String exerciseId,
                      @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId,
                      @RequestParam(required = false) Long after) {
        allowed(exerciseId);
        return hub.watch(exerciseId, lastEventId != null ? lastEventId : after);
    }

    private void allowed(String exerciseId) {
        access.requireAnyRole(Watchers.roles());
        clocks.require(exerciseId);
    }
}
