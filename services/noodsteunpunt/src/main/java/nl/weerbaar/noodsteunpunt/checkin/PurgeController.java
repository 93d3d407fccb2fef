package nl.weerbaar.noodsteunpunt.checkin;

import java.time.Clock;
import java.util.Map;
import nl.weerbaar.contracts.noodsteunpunt.PersonalDataPurged;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.privacy.PersonalData;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crisis team purges an exercise's personal data once it is over. First the exercise's key goes from the vault:
 * from then on nothing sealed with it can be read anywhere (topics, dead-letter topics, replays, read models of every
 * service) and nothing new is sealed with it. Then the purge is published: postcodes, notes and household references
 * leave the read models and the simulation; the counts (sizes, needs, times) stay for the after-action review.
 */
@RestController
class PurgeController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final EventPublisher publisher;
    private final PersonalData personalData;
    private final Clock clock;

    PurgeController(Access access, ExerciseClocks clocks, EventPublisher publisher, PersonalData personalData,
                    Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.publisher = publisher;
        this.personalData = personalData;
        this.clock = clock;
    }

    @PostMapping("/api/exercises/{exerciseId}/personal-data/purge")
    ResponseEntity<Map<String, Object>> purge(@PathVariable String exerciseId) {
        String by = access.requireAnyRole(Role.CRISIS_TEAM).name();
        ExerciseClock exercise = clocks.require(exerciseId);
        if (!exercise.isOver()) {
            throw ApiException.conflict("purge.exercise-running", exerciseId, exercise.state());
        }
        personalData.purge(exerciseId);
        long now = exercise.scenarioTimeAt(clock.instant());
        String eventId = publisher.publish(exerciseId, new PersonalDataPurged(exerciseId, by, now),
                exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId));
    }
}
