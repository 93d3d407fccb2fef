package nl.weerbaar.noodsteunpunt.nsp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.Ids;
import nl.weerbaar.contracts.noodsteunpunt.NspRegistered;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.SuppliesDelivered;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crisis team's commands: register an NSP the scenario did not have, open or close one, send supplies. Every
 * check comes before the event is published, so a refused command changes nothing.
 */
@RestController
class NspCommands {

    static final String ID = Ids.PATTERN;
    static final String FACILITIES = "water|food|warmth|power|generator|satellite|c2000|first-aid|charging|information";

    private final Access access;
    private final ExerciseClocks clocks;
    private final NspViews views;
    private final EventPublisher publisher;
    private final Clock clock;

    NspCommands(Access access, ExerciseClocks clocks, NspViews views, EventPublisher publisher, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.views = views;
        this.publisher = publisher;
        this.clock = clock;
    }

    record NewNsp(@NotNull @Pattern(regexp = ID) String id, @NotBlank @Size(max = 200) String name,
                  @NotNull @Pattern(regexp = "local|coordinating") String kind,
                  @NotNull @Pattern(regexp = ID) String placeId, @Size(max = 200) String address,
                  @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                  @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                  @NotNull @Positive @Max(100000) Integer capacity,
                  @Size(max = 10) List<@Pattern(regexp = FACILITIES, message = "{validation.one-of}")
                          String> facilities, @Size(max = 200) String operator) {
    }

    /** Upper bounds: a million litres or rations is some thirty tankers or lorries; fuel for thirty days. */
    record Delivery(@PositiveOrZero @DecimalMax("1000000") Double waterLitres,
                    @PositiveOrZero @DecimalMax("1000000") Double foodRations,
                    @PositiveOrZero @DecimalMax("720") Double fuelHours) {
    }

    @PostMapping("/api/exercises/{exerciseId}/nsps")
    ResponseEntity<Map<String, Object>> register(@PathVariable String exerciseId, @Valid @RequestBody NewNsp body) {
        WeerbaarUser user = access.requireAnyRole(Role.CRISIS_TEAM);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        clocks.requirePlaces(exercise, "placeId", List.of(body.placeId()));
        if (views.find(exerciseId, body.id()).isPresent()) {
            throw ApiException.conflict("nsp.exists", body.id(), exerciseId);
        }
        NspSite nsp = new NspSite(body.id(), body.name(), body.kind(), body.placeId(), body.address(), body.lat(),
                body.lon(), body.capacity(), body.facilities() == null ? List.of()
                : body.facilities().stream().distinct().toList(), body.operator());
        String eventId = publisher.publish(nsp.id(), new NspRegistered(exerciseId, nsp, NspRegistered.BY_CRISIS_TEAM,
                user.name()), context(exercise));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "nspId", nsp.id()));
    }

    @PostMapping("/api/exercises/{exerciseId}/nsps/{nspId}/open")
    ResponseEntity<Map<String, Object>> open(@PathVariable String exerciseId, @PathVariable String nspId) {
        return change(exerciseId, nspId, NspState.OPENING);
    }

    @PostMapping("/api/exercises/{exerciseId}/nsps/{nspId}/close")
    ResponseEntity<Map<String, Object>> close(@PathVariable String exerciseId, @PathVariable String nspId) {
        return change(exerciseId, nspId, NspState.CLOSED);
    }

    @PostMapping("/api/exercises/{exerciseId}/nsps/{nspId}/supplies")
    ResponseEntity<Map<String, Object>> supplies(@PathVariable String exerciseId, @PathVariable String nspId,
                                                 @Valid @RequestBody Delivery body) {
        WeerbaarUser user = access.requireAnyRole(Role.CRISIS_TEAM);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        known(exerciseId, nspId);
        double water = orZero(body.waterLitres());
        double food = orZero(body.foodRations());
        double fuel = orZero(body.fuelHours());
        if (water + food + fuel <= 0) {
            throw ApiException.unprocessable("nsp.empty-delivery").withErrors(List.of(Map.of("field", "waterLitres",
                    "message", "at least one of waterLitres, foodRations, fuelHours must be above 0")));
        }
        EventContext context = context(exercise);
        String eventId = publisher.publish(nspId, new SuppliesDelivered(exerciseId, nspId, null, water, food, fuel,
                SuppliesDelivered.BY_CRISIS_TEAM, user.name(), context.scenarioTimeSeconds()), context);
        return ResponseEntity.accepted().body(Map.of("eventId", eventId));
    }

    private ResponseEntity<Map<String, Object>> change(String exerciseId, String nspId, NspState next) {
        WeerbaarUser user = access.requireAnyRole(Role.CRISIS_TEAM);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        NspView current = known(exerciseId, nspId);
        boolean allowed = next == NspState.CLOSED ? current.state() != NspState.CLOSED
                && current.state() != NspState.PLANNED
                : current.state() == NspState.PLANNED || current.state() == NspState.CLOSED;
        if (!allowed) {
            throw ApiException.conflict(next == NspState.CLOSED ? "nsp.not-in-use" : "nsp.in-use", nspId,
                    current.state().wire());
        }
        EventContext context = context(exercise);
        Text message = next == NspState.CLOSED
                ? Text.of(current.nsp().name() + " sluit op besluit van het crisisteam.",
                current.nsp().name() + " closes by decision of the crisis team.")
                : Text.of(current.nsp().name() + " gaat open op besluit van het crisisteam.",
                current.nsp().name() + " is opening by decision of the crisis team.");
        String eventId = publisher.publish(nspId, new NspStateChanged(exerciseId, nspId, next, current.state(),
                NspStateChanged.BY_CRISIS_TEAM, NspStateChanged.BY_CRISIS_TEAM, message, user.name(),
                context.scenarioTimeSeconds()), context);
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "state", next.wire()));
    }

    private NspView known(String exerciseId, String nspId) {
        return views.find(exerciseId, nspId)
                .orElseThrow(() -> ApiException.notFound("nsp.unknown", nspId, exerciseId));
    }

    private EventContext context(ExerciseClock exercise) {
        return exercise.contextAt(exercise.scenarioTimeAt(clock.instant()));
    }

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }
}
