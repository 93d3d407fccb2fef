package nl.weerbaar.outagetimeline.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Violation;
import nl.weerbaar.contracts.exercise.ObjectiveSet;
import nl.weerbaar.contracts.scenario.Objective;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.outagetimeline.scenario.Scenario;
import nl.weerbaar.outagetimeline.scenario.ScenarioCatalog;
import nl.weerbaar.outagetimeline.scenario.ScenarioProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trainer sets an objective while the exercise runs, in the scenario's vocabulary: checked like the scenario's own
 * (the schema, then what it names must exist), its id unused in the exercise, then published on the exercise topic at
 * the clock's time. The live picture evaluates it from everything that happened, before it was set too.
 */
@RestController
class ObjectiveController {

    private final ExerciseRuns runs;
    private final ScenarioCatalog scenarios;
    private final EmittedEvents emitted;
    private final EventPublisher publisher;
    private final SchemaValidator contracts;
    private final Access access;
    private final Clock clock;

    ObjectiveController(ExerciseRuns runs, ScenarioCatalog scenarios, EmittedEvents emitted, EventPublisher publisher,
                        SchemaValidator contracts, Access access, Clock clock) {
        this.runs = runs;
        this.scenarios = scenarios;
        this.emitted = emitted;
        this.publisher = publisher;
        this.contracts = contracts;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/exercises/{id}/objectives")
    ResponseEntity<Map<String, Object>> set(@PathVariable String id, @RequestBody JsonNode body) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        ExerciseRun run = runs.find(id).orElseThrow(() -> ApiException.notFound("exercise.unknown", id));
        if (run.isReplay() || run.state().isOver()) {
            throw ApiException.conflict("objective.not-live", id, run.state().name());
        }
        long now = run.scenarioTimeAt(clock.instant());
        JsonNode payload = EventJson.mapper().createObjectNode().put("exerciseId", id).put("by", trainer)
                .put("atSeconds", now).set("objective", body);
        List<Violation> violations = contracts.validatePayload(EventType.OBJECTIVE_SET, payload);
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("objective.invalid", violations.getFirst().toString());
        }
        Objective objective = EventJson.mapper().convertValue(body, Objective.class);
        Scenario scenario = scenarios.find(run.scenarioId()).orElseThrow();
        List<ScenarioProblem> problems = scenario.problemsWith(objective);
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable("objective.invalid", problems.getFirst().field() + ": "
                    + problems.getFirst().message());
        }
        String eventId = EventIds.derived(id, "objective", objective.id());
        if (emitted.contains(eventId) || scenario.objectives() != null && scenario.objectives().stream()
                .anyMatch(o -> o.id().equals(objective.id()))) {
            throw ApiException.conflict("objective.exists", objective.id(), id);
        }
        String published = publisher.publishWithId(eventId, id, new ObjectiveSet(id, objective, trainer, now),
                Timeline.context(run, now)).eventId();
        emitted.add(eventId, id);
        return ResponseEntity.accepted().body(Map.of("eventId", published, "objectiveId", objective.id(),
                "atSeconds", now));
    }
}
