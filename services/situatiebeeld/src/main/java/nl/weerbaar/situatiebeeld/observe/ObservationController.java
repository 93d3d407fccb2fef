package nl.weerbaar.situatiebeeld.observe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Ids;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.crisisteam.Observation;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.idempotency.IdempotencyKeys;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.situatiebeeld.input.ExerciseInput;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Observers (and trainers) note what they see during an exercise: a text linked to a scenario time — now, or a moment
 * already played — about one of the scenario's objectives or in general, with a score from 1 to 5 where they give
 * one. Published on the crisis-team topic; kept on the record and in the report, never shown to the crisis team.
 */
@RestController
class ObservationController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final LivePictures pictures;
    private final ExerciseInput input;

    ObservationController(Access access, ExerciseClocks clocks, LivePictures pictures, ExerciseInput input) {
        this.access = access;
        this.clocks = clocks;
        this.pictures = pictures;
        this.input = input;
    }

    record NewObservation(@NotBlank @Size(max = 2000) String text, @Min(1) @Max(5) Integer score,
                          @Pattern(regexp = Ids.PATTERN) String objectiveId, @PositiveOrZero Long atSeconds) {
    }

    @PostMapping("/api/exercises/{exerciseId}/observations")
    ResponseEntity<Map<String, Object>> observe(@PathVariable String exerciseId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody NewObservation body) {
        WeerbaarUser user = access.requireAnyRole(Role.OBSERVER, Role.TRAINER);
        return input.submit(user, "observation", exerciseId, idempotencyKey, body, false, (exercise, now, ids) -> {
            long at = body.atSeconds() == null ? now : body.atSeconds();
            if (at > now) {
                throw ApiException.unprocessable("observation.future", ScenarioTime.format(at),
                        ScenarioTime.format(now));
            }
            if (body.objectiveId() != null && !pictures.read(exerciseId, p -> p.evaluation.tracked.stream()
                    .anyMatch(t -> t.objective.id().equals(body.objectiveId())))) {
                throw ApiException.notFound("observation.objective-unknown", body.objectiveId(), exerciseId);
            }
            String observationId = "waarneming-" + ids.of("observation").substring(0, 13);
            return new ExerciseInput.Outcome(EventType.OBSERVATION_RECORDED, new Observation(exerciseId,
                    observationId, at, body.text().strip(), body.score(), body.objectiveId(), user.name()), at,
                    Map.of("observationId", observationId));
        });
    }

    /** The observers' notes so far, in the order noted. */
    @GetMapping("/api/exercises/{exerciseId}/observations")
    List<Observation> observations(@PathVariable String exerciseId) {
        access.requireAnyRole(Role.OBSERVER, Role.TRAINER);
        clocks.require(exerciseId);
        return pictures.read(exerciseId, p -> List.copyOf(p.observations));
    }
}
