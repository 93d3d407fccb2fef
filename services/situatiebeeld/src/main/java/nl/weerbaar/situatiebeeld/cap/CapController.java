package nl.weerbaar.situatiebeeld.cap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongFunction;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import nl.weerbaar.situatiebeeld.picture.Watchers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every alert of an exercise and every public warning as CAP 1.2, for NL-Alert-like and LCMS-like tools: an Atom
 * feed per exercise (newest first, the messages inline and linked) and each message on its own. Read with the
 * crisis-team or trainer role, like the picture.
 */
@RestController
class CapController {

    /** Dutch time: the sent times of the messages are local, with their offset. */
    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");
    /** A feed holds the newest messages; a reader that follows it gets each in time. */
    private static final int FEED_SIZE = 500;

    private final Access access;
    private final ExerciseClocks clocks;
    private final LivePictures pictures;

    CapController(Access access, ExerciseClocks clocks, LivePictures pictures) {
        this.access = access;
        this.clocks = clocks;
        this.pictures = pictures;
    }

    @GetMapping(value = "/api/exercises/{exerciseId}/cap", produces = "application/atom+xml")
    ResponseEntity<String> feed(@PathVariable String exerciseId) {
        ExerciseClock clock = allowed(exerciseId);
        List<CapMessage> messages = messages(clock);
        List<CapMessage> newestFirst = messages.reversed().stream().limit(FEED_SIZE).toList();
        OffsetDateTime updated = newestFirst.isEmpty() ? sentAt(clock, pictures.read(exerciseId,
                p -> p.start)).apply(0) : newestFirst.getFirst().sent();
        String title = "Weerbaar – CAP-meldingen van " + (clock.scenarioName() != null ? clock.scenarioName()
                : clock.scenarioId()) + " (" + exerciseId + ")";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(CapXml.feed(exerciseId, title, updated, "/api/exercises/" + exerciseId + "/cap", newestFirst));
    }

    @GetMapping(value = "/api/exercises/{exerciseId}/cap/{identifier}", produces = CapXml.MEDIA_TYPE)
    ResponseEntity<String> message(@PathVariable String exerciseId, @PathVariable String identifier) {
        ExerciseClock clock = allowed(exerciseId);
        CapMessage message = messages(clock).stream().filter(m -> m.identifier().equals(identifier)).findFirst()
                .orElseThrow(() -> ApiException.notFound("cap.unknown", identifier, exerciseId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CapXml.MEDIA_TYPE + ";charset=UTF-8"))
                .body(CapXml.message(message));
    }

    private List<CapMessage> messages(ExerciseClock clock) {
        return pictures.read(clock.exerciseId(), p -> CapMessages.of(p, capStatus(clock), sentAt(clock, p.start)));
    }

    /** CAP's status is the exercise's: an exercise's messages say Exercise. */
    private static String capStatus(ExerciseClock clock) {
        return clock.status() == null ? ExerciseStatus.EXERCISE.wire() : ExerciseStatus.fromWire(clock.status()).wire();
    }

    /** Local time at a scenario time: from the scenario's stated start, else from when the exercise's clock began. */
    private static LongFunction<OffsetDateTime> sentAt(ExerciseClock clock, nl.weerbaar.contracts.scenario.OutageStart start) {
        if (start != null) {
            return at -> start.at(at).atZone(DUTCH).toOffsetDateTime();
        }
        return at -> Instant.ofEpochMilli(clock.epochMillis()).plusSeconds(at).truncatedTo(ChronoUnit.SECONDS)
                .atZone(DUTCH).toOffsetDateTime();
    }

    private ExerciseClock allowed(String exerciseId) {
        access.requireAnyRole(Watchers.roles());
        return clocks.require(exerciseId);
    }
}
