package nl.weerbaar.vitalstatus.status;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusOverrideReleased;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.vitalstatus.provider.ProviderView;
import nl.weerbaar.vitalstatus.provider.ProviderViews;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Providers post their own status; it wins over the simulation until they release it. Every check comes before
 * the event is published, so a refused post changes nothing.
 */
@RestController
class StatusController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final ProviderViews views;
    private final PostRateLimits limits;
    private final EventPublisher publisher;
    private final Clock clock;

    StatusController(Access access, ExerciseClocks clocks, ProviderViews views, PostRateLimits limits,
                     EventPublisher publisher, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.views = views;
        this.limits = limits;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping("/api/exercises/{exerciseId}/providers/{providerId}/status")
    ResponseEntity<Map<String, Object>> post(@PathVariable String exerciseId, @PathVariable String providerId,
                                             @Valid @RequestBody StatusRequests.PostStatus body) {
        WeerbaarUser user = access.requireOwnProvider(providerId);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        ProviderView current = known(exerciseId, providerId);
        if (body.affectedPlaces() != null) {
            clocks.requirePlaces(exercise, "affectedPlaces", body.affectedPlaces());
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        Long restore = body.expectedRestore() == null ? null : ScenarioTime.parse(body.expectedRestore());
        if (restore != null && restore < now) {
            throw ApiException.unprocessable("status.restore-in-past", body.expectedRestore(), ScenarioTime.format(now))
                    .withErrors(List.of(Map.of("field", "expectedRestore", "message", "< "
                            + ScenarioTime.format(now)))); // the detail says it in the caller's language
        }
        ProviderState state = ProviderState.parse(body.state()).orElseThrow();
        limits.acquire(exerciseId, providerId);
        ProviderStatusChanged status = new ProviderStatusChanged(exerciseId, providerId,
                current.provider().sector(), state, current.state(), body.backupRemainingHours(),
                body.affectedPlaces(), null, body.affectedServices(), restore,
                body.message() == null ? null : new Text(body.message(), body.messageEn()), StatusSource.PROVIDER,
                user.name(), null, null, null, now);
        String eventId = publisher.publish(providerId, status, exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "atSeconds", now));
    }

    /** The provider (or the crisis team) hands its status back to the simulation. */
    @PostMapping("/api/exercises/{exerciseId}/providers/{providerId}/status/release")
    ResponseEntity<Map<String, Object>> release(@PathVariable String exerciseId, @PathVariable String providerId) {
        WeerbaarUser user = access.requireProvider(providerId);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        ProviderView current = known(exerciseId, providerId);
        if (!current.overridden()) {
            throw ApiException.conflict("status.not-overridden", providerId);
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        String eventId = publisher.publish(providerId, new StatusOverrideReleased(exerciseId, providerId, user.name()),
                exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "atSeconds", now));
    }

    private ProviderView known(String exerciseId, String providerId) {
        return views.find(exerciseId, providerId)
                .orElseThrow(() -> ApiException.notFound("provider.unknown", providerId, exerciseId));
    }
}
