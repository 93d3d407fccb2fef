package nl.weerbaar.outagetimeline.exercise;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.exercise.ClockCommandSubmitted;
import java.util.UUID;
import nl.weerbaar.contracts.scenario.Inject;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.outagetimeline.scenario.Scenario;
import nl.weerbaar.outagetimeline.scenario.ScenarioCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The exercise's inject plan (its MSEL): read it, add injects live, hold, release, fire by hand or cancel. */
@RestController
class InjectController {

    private final ClockCommands commands;
    private final InjectPlan plan;
    private final ExerciseRuns runs;
    private final ScenarioCatalog scenarios;
    private final Access access;

    InjectController(ClockCommands commands, InjectPlan plan, ExerciseRuns runs, ScenarioCatalog scenarios,
                     Access access) {
        this.commands = commands;
        this.plan = plan;
        this.runs = runs;
        this.scenarios = scenarios;
        this.access = access;
    }

    @GetMapping("/api/exercises/{id}/injects")
    List<PlannedInject> injects(@PathVariable String id) {
        access.requireAnyRole(Role.TRAINER);
        runs.find(id).orElseThrow(() -> ApiException.notFound("exercise.unknown", id));
        return plan.of(id);
    }

    @PostMapping("/api/exercises/{id}/injects")
    ResponseEntity<Map<String, Object>> add(@PathVariable String id, @Valid @RequestBody ExerciseRequests.AdHocInject body) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        ExerciseRun run = runs.find(id).orElseThrow(() -> ApiException.notFound("exercise.unknown", id));
        Scenario scenario = scenarios.find(run.scenarioId()).orElseThrow();
        if (scenario.sectors().stream().noneMatch(s -> s.id().equals(body.sector()))) {
            throw ApiException.unprocessable("inject.unknown-sector", body.sector());
        }
        for (String provider : new String[] {body.providerId(),
                body.statusEffect() == null ? null : body.statusEffect().providerId()}) {
            if (provider != null && scenario.provider(provider).isEmpty()) {
                throw ApiException.unprocessable("inject.unknown-provider", provider);
            }
        }
        ExerciseRequests.Effect effect = body.statusEffect();
        if (effect != null && effect.sector() != null
                && scenario.sectors().stream().noneMatch(s -> s.id().equals(effect.sector()))) {
            throw ApiException.unprocessable("inject.unknown-sector", effect.sector());
        }
        if (effect != null && effect.providerId() == null && effect.sector() == null) { // it would hit nobody
            throw ApiException.unprocessable("inject.effect-without-target", effect.effect());
        }
        Inject inject = new Inject(body.id() != null ? body.id() : "adhoc-" + UUID.randomUUID().toString().substring(0, 8),
                body.offsetSeconds() == null ? -1 : body.offsetSeconds(), body.sector(), body.providerId(), null,
                new Text(body.effectNl(), body.effectEn()), body.severity(),
                body.statusEffect() == null ? null : body.statusEffect().toStatusEffect());
        var published = commands.submit(new ClockCommandSubmitted(id, ClockCommand.ADD_INJECT.wire(), null, null, null,
                null, inject, Boolean.TRUE.equals(body.hold()), trainer));
        return ResponseEntity.accepted().body(Map.of("eventId", published.eventId(), "injectId", inject.id()));
    }

    /**
     * A role player (a trainer playing the hospital, a mayor, a journalist) sends the crisis team a message now; it
     * reaches the inbox on the live picture, and an objective can measure the answer.
     */
    @PostMapping("/api/exercises/{id}/messages")
    ResponseEntity<Map<String, Object>> message(@PathVariable String id,
                                                @Valid @RequestBody ExerciseRequests.RoleMessage body) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        ExerciseRun run = runs.find(id).orElseThrow(() -> ApiException.notFound("exercise.unknown", id));
        Scenario scenario = scenarios.find(run.scenarioId()).orElseThrow();
        if (body.providerId() != null && scenario.provider(body.providerId()).isEmpty()) {
            throw ApiException.unprocessable("inject.unknown-provider", body.providerId());
        }
        String messageId = body.id() != null ? body.id() : "bericht-" + UUID.randomUUID().toString().substring(0, 8);
        var published = commands.submit(ClockCommand.SEND_MESSAGE.on(id, trainer).withMessage(
                new ClockCommandSubmitted.RoleMessage(messageId, body.from().strip(), body.providerId(),
                        new Text(body.textNl().strip(), body.textEn() == null ? body.textNl().strip()
                                : body.textEn().strip()))));
        return ResponseEntity.accepted().body(Map.of("eventId", published.eventId(), "messageId", messageId));
    }

    @PostMapping("/api/exercises/{id}/injects/{injectId}/hold")
    ResponseEntity<Map<String, Object>> hold(@PathVariable String id, @PathVariable String injectId) {
        return ExerciseClockCommands.accepted(commands.submit(onInject(ClockCommand.HOLD, id, injectId, trainer())));
    }

    @PostMapping("/api/exercises/{id}/injects/{injectId}/release")
    ResponseEntity<Map<String, Object>> release(@PathVariable String id, @PathVariable String injectId) {
        return ExerciseClockCommands.accepted(commands.submit(onInject(ClockCommand.RELEASE, id, injectId, trainer())));
    }

    @PostMapping("/api/exercises/{id}/injects/{injectId}/cancel")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable String id, @PathVariable String injectId) {
        return ExerciseClockCommands.accepted(commands.submit(onInject(ClockCommand.CANCEL, id, injectId, trainer())));
    }

    @PostMapping("/api/exercises/{id}/injects/{injectId}/fire")
    ResponseEntity<Map<String, Object>> fire(@PathVariable String id, @PathVariable String injectId) {
        return ExerciseClockCommands.accepted(commands.submit(onInject(ClockCommand.FIRE, id, injectId, trainer())));
    }

    private static ClockCommandSubmitted onInject(ClockCommand command, String id, String injectId, String trainer) {
        return new ClockCommandSubmitted(id, command.wire(), null, null, null, injectId, null, null, trainer);
    }

    private String trainer() {
        return access.requireAnyRole(Role.TRAINER).name();
    }
}
