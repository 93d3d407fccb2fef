package nl.weerbaar.situatiebeeld.decide;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Ids;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.idempotency.IdempotencyKeys;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import nl.weerbaar.situatiebeeld.input.ExerciseInput;
import nl.weerbaar.situatiebeeld.picture.Picture;
import nl.weerbaar.situatiebeeld.picture.Watchers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crisis team decides: open or close a noodsteunpunt, fuel priority or a mobile generator for a provider, a
 * public warning, extra volunteers, a GRIP level — each with its reason. Checked against the live picture (what it
 * is about must be there, and an NSP must be in a state the decision can change), then submitted on the crisis-team
 * topic; outage-timeline takes it onto the exercise topic at its clock's time, and the picture shows it on the time
 * line from then on. Refused input publishes nothing.
 */
@RestController
class DecisionController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final LivePictures pictures;
    private final ExerciseInput input;

    DecisionController(Access access, ExerciseClocks clocks, LivePictures pictures, ExerciseInput input) {
        this.access = access;
        this.clocks = clocks;
        this.pictures = pictures;
        this.input = input;
    }

    record Message(@NotBlank @Size(max = 1000) String nl, @Size(max = 1000) String en) {
    }

    record NewDecision(@NotBlank String kind, @Pattern(regexp = Ids.PATTERN) String nspId,
                       @Pattern(regexp = Ids.PATTERN) String providerId,
                       @Size(max = 5000) List<@Pattern(regexp = Ids.PATTERN) String> places,
                       @Min(1) @Max(100000) Integer count,
                       @DecimalMin(value = "0", inclusive = false) @DecimalMax("720") Double hours,
                       @Min(0) @Max(4320) Integer deliveryMinutes, String advice, @Valid Message message,
                       @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/exercises/{exerciseId}/decisions")
    ResponseEntity<Map<String, Object>> decide(@PathVariable String exerciseId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody NewDecision body) {
        WeerbaarUser user = access.requireAnyRole(Role.CRISIS_TEAM);
        return input.submit(user, "decision", exerciseId, idempotencyKey, body, true, (exercise, now, ids) -> {
            DecisionKind kind = DecisionKind.parse(body.kind()).orElseThrow(() -> ApiException.unprocessable(
                    "decision.unknown-kind", body.kind(), Arrays.stream(DecisionKind.values())
                            .map(DecisionKind::wire).collect(Collectors.joining(", "))));
            pictures.read(exerciseId, picture -> {
                check(kind, body, picture, exerciseId);
                return null;
            });
            clocks.requirePlaces(exercise, "places", body.places() == null ? List.of() : body.places());
            String decisionId = "besluit-" + ids.of("decision").substring(0, 13);
            Decision decision = new Decision(exerciseId, decisionId, kind, body.nspId(), body.providerId(),
                    body.places(), body.count(), body.hours(), body.deliveryMinutes(), body.advice(),
                    body.message() == null ? null : Text.of(body.message().nl(), body.message().en() == null
                            ? body.message().nl() : body.message().en()), body.reason().strip(), user.name(), now);
            return new ExerciseInput.Outcome(EventType.DECISION_SUBMITTED, decision, now,
                    Map.of("decisionId", decisionId));
        });
    }

    /** The decisions taken in the exercise so far, in the order taken. */
    @GetMapping("/api/exercises/{exerciseId}/decisions")
    List<Picture.DecisionItem> decisions(@PathVariable String exerciseId) {
        access.requireAnyRole(Watchers.roles());
        clocks.require(exerciseId);
        return pictures.read(exerciseId, picture -> List.copyOf(picture.decisions));
    }

    private static final Map<String, String> NSP_STATES_EN = Map.of("planned", "not open yet", "opening",
            "opening already", "open", "open already", "full", "open (full)", "closed", "closed already");
    private static final Map<String, String> NSP_STATES_NL = Map.of("planned", "nog niet open", "opening",
            "al aan het opengaan", "open", "al open", "full", "open (vol)", "closed", "al gesloten");

    /** What each kind needs, and whether the picture allows it now. */
    private static void check(DecisionKind kind, NewDecision body, Picture picture, String exerciseId) {
        switch (kind) {
            case OPEN_NSP, CLOSE_NSP -> {
                require(body.nspId() != null, kind, "nspId");
                Picture.Nsp nsp = picture.nsps.get(body.nspId());
                if (nsp == null) {
                    throw ApiException.notFound("decision.nsp-unknown", body.nspId(), exerciseId);
                }
                boolean serving = List.of("opening", "open", "full").contains(nsp.state);
                if (kind == DecisionKind.OPEN_NSP == serving) {
                    boolean open = kind == DecisionKind.OPEN_NSP;
                    throw ApiException.conflict("decision.nsp-state", open ? "open" : "close", body.nspId(),
                            NSP_STATES_EN.getOrDefault(nsp.state, nsp.state), open ? "openen" : "sluiten",
                            NSP_STATES_NL.getOrDefault(nsp.state, nsp.state));
                }
            }
            case FUEL_PRIORITY, MOBILE_GENERATOR -> {
                require(body.providerId() != null, kind, "providerId");
                if (!picture.providers.containsKey(body.providerId())) {
                    throw ApiException.notFound("decision.provider-unknown", body.providerId(), exerciseId);
                }
                if (kind == DecisionKind.FUEL_PRIORITY && picture.decisions.stream().anyMatch(d ->
                        d.kind().equals(kind.wire()) && body.providerId().equals(d.providerId()))) {
                    throw ApiException.conflict("decision.fuel-priority-given", body.providerId());
                }
            }
            case PUBLIC_WARNING -> {
                require(body.places() != null && !body.places().isEmpty(), kind, "places");
                require(body.message() != null, kind, "message");
                require(Decision.COME_TO_NSP.equals(body.advice()) || Decision.STAY_HOME.equals(body.advice()), kind,
                        "advice (" + Decision.COME_TO_NSP + ", " + Decision.STAY_HOME + ")");
            }
            case EXTRA_VOLUNTEERS -> require(body.count() != null, kind, "count");
            case GRIP -> require(body.count() != null && body.count() <= 4, kind, "count (1-4)");
        }
    }

    private static void require(boolean given, DecisionKind kind, String field) {
        if (!given) {
            throw ApiException.unprocessable("decision.needs", kind.wire(), field);
        }
    }
}
