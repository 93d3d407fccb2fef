package nl.weerbaar.outagetimeline.exercise;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.outagetimeline.scenario.ScenarioCatalog;
import nl.weerbaar.outagetimeline.scenario.ScenarioSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trainers create exercises. The command is checked, published as {@code exercise.created} and answered 202; the
 * exercise appears in the read model once this service has consumed its own event (DESIGN.md §1).
 */
@RestController
class ExerciseController {

    private static final double DEFAULT_SPEED = 60;

    private final ScenarioCatalog scenarios;
    private final ExerciseClocks exercises;
    private final EventPublisher publisher;
    private final Access access;

    ExerciseController(ScenarioCatalog scenarios, ExerciseClocks exercises, EventPublisher publisher, Access access) {
        this.scenarios = scenarios;
        this.exercises = exercises;
        this.publisher = publisher;
        this.access = access;
    }

    @PostMapping("/api/exercises")
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody CreateExerciseRequest request) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        ScenarioSummary scenario = scenarios.find(request.scenarioId())
                .orElseThrow(() -> ApiException.unprocessable("scenario.unknown", request.scenarioId()));
        long offset = request.startOffsetSeconds() == null ? 0 : request.startOffsetSeconds();
        if (offset >= scenario.durationSeconds()) {
            throw ApiException.unprocessable("exercise.offset-beyond-end", offset, scenario.durationHours());
        }
        String exerciseId = request.exerciseId() != null ? request.exerciseId() : newExerciseId(scenario);
        if (exercises.find(exerciseId).isPresent()) {
            throw ApiException.conflict("exercise.exists", exerciseId);
        }
        ExerciseStatus status = request.status() == null ? ExerciseStatus.EXERCISE : request.status();
        ExerciseCreated created = new ExerciseCreated(exerciseId, scenario.id(), scenario.name(),
                request.seed() == null ? scenario.seed() : request.seed(),
                request.speed() == null ? DEFAULT_SPEED : request.speed(), offset, scenario.durationSeconds(),
                status, null, trainer);
        String eventId = publisher.publish(exerciseId, created, EventContext.of(exerciseId, status, offset));
        return ResponseEntity.accepted().location(URI.create("/api/exercise-clocks/" + exerciseId))
                .body(Map.of("exerciseId", exerciseId, "eventId", eventId));
    }

    @GetMapping("/api/exercises")
    List<ExerciseClock> all() {
        return exercises.all();
    }

    private static String newExerciseId(ScenarioSummary scenario) {
        return "oef-" + LocalDate.now() + "-" + scenario.id() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }
}
