package nl.weerbaar.situatiebeeld.acknowledge;

import java.time.Clock;
import java.util.Map;
import nl.weerbaar.contracts.crisisteam.AlertAcknowledged;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import nl.weerbaar.situatiebeeld.picture.Picture;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crisis team acknowledges an alert on its picture: "seen, we are on it". Published on the crisis-team topic
 * (this service is its only writer) under an id derived from exercise and alert, so a retry is the same event; the
 * picture shows who and when once the log has it.
 */
@RestController
class AcknowledgementController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final LivePictures pictures;
    private final EventPublisher publisher;
    private final Clock clock;

    AcknowledgementController(Access access, ExerciseClocks clocks, LivePictures pictures, EventPublisher publisher,
                              Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.pictures = pictures;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping("/api/exercises/{exerciseId}/alerts/{alertId}/acknowledgement")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> acknowledge(@PathVariable String exerciseId, @PathVariable String alertId) {
        WeerbaarUser user = access.requireAnyRole(Role.CRISIS_TEAM);
        ExerciseClock exercise = clocks.require(exerciseId);
        Picture.Alert alert = pictures.alert(exerciseId, alertId)
                .orElseThrow(() -> ApiException.notFound("alert.unknown", alertId, exerciseId));
        if (alert.acknowledgedBy() != null) {
            throw ApiException.conflict("alert.acknowledged", alertId, alert.acknowledgedBy());
        }
        long at = exercise.scenarioTimeAt(clock.instant());
        String eventId = publisher.publishWithId(EventIds.derived(exerciseId, "alert-acknowledged", alertId),
                exerciseId, new AlertAcknowledged(exerciseId, alertId, alert.kind(), user.name(), at),
                exercise.contextAt(at)).eventId();
        return Map.of("eventId", eventId);
    }
}
