package nl.weerbaar.vitalstatus.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.Ids;
import nl.weerbaar.contracts.scenario.Backup;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.vital.ProviderRegistered;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crisis team registers a provider the scenario did not foresee. It may depend only on providers the exercise
 * already has, so it can never close a dependency cycle.
 */
@RestController
class ProviderRegistration {

    static final String ID = Ids.PATTERN;

    private final Access access;
    private final ExerciseClocks clocks;
    private final ProviderViews views;
    private final EventPublisher publisher;
    private final Clock clock;

    ProviderRegistration(Access access, ExerciseClocks clocks, ProviderViews views, EventPublisher publisher,
                         Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.views = views;
        this.publisher = publisher;
        this.clock = clock;
    }

    record NewProvider(@NotNull @Pattern(regexp = ID) String id, @NotBlank @Size(max = 200) String name,
                       @NotBlank @Size(max = 64) String sector, List<@Pattern(regexp = ID) String> places,
                       List<@NotBlank String> services, List<@Pattern(regexp = ID) String> dependsOn,
                       List<@Pattern(regexp = ID) String> dependsOnAny, @NotNull @Valid NewBackup backup,
                       Boolean vulnerableSite, String contactRole,
                       @Pattern(regexp = "grid|emergency-number|mobile-network|fixed-network|fuel-supply",
                               message = "{validation.one-of}") String role) {
    }

    record NewBackup(@NotNull @Pattern(regexp = "none|battery|generator|reserved-fuel") String kind,
                     @NotNull @PositiveOrZero Double autonomyHours, Boolean refuelPossible) {
    }

    @PostMapping("/api/exercises/{exerciseId}/providers")
    ResponseEntity<Map<String, Object>> register(@PathVariable String exerciseId,
                                                 @Valid @RequestBody NewProvider body) {
        String by = access.requireAnyRole(Role.CRISIS_TEAM).name();
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        if (views.find(exerciseId, body.id()).isPresent()) {
            throw ApiException.conflict("provider.exists", body.id(), exerciseId);
        }
        clocks.requireSector(exercise, body.sector());
        if (body.places() != null) {
            clocks.requirePlaces(exercise, "places", body.places());
        }
        Provider provider = new Provider(body.id(), body.name(), body.sector(), body.places(), body.services(),
                body.dependsOn(), body.dependsOnAny(), new Backup(body.backup().kind(), body.backup().autonomyHours(),
                body.backup().refuelPossible()), body.vulnerableSite(), body.contactRole(), body.role());
        List<Map<String, Object>> errors = new ArrayList<>();
        checkDependencies(exerciseId, provider.id(), "dependsOn", provider.allOf(), errors);
        checkDependencies(exerciseId, provider.id(), "dependsOnAny", provider.anyOf(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("provider.bad-dependencies", provider.id()).withErrors(errors);
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        String eventId = publisher.publish(provider.id(), new ProviderRegistered(exerciseId, provider,
                        ProviderRegistered.BY_CRISIS_TEAM, by),
                exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "providerId", provider.id()));
    }

    private void checkDependencies(String exerciseId, String self, String field, List<String> ids,
                                   List<Map<String, Object>> errors) {
        for (String dep : ids) {
            if (dep.equals(self)) {
                errors.add(Map.of("field", field, "message", "'" + dep + "' cannot depend on itself (a cycle)"));
            } else if (views.find(exerciseId, dep).isEmpty()) {
                errors.add(Map.of("field", field, "message", "unknown provider '" + dep + "'"));
            }
        }
    }
}
