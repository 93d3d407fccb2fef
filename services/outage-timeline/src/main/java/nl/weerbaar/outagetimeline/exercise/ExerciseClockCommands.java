package nl.weerbaar.outagetimeline.exercise;

import jakarta.validation.Valid;
import java.util.Map;
import nl.weerbaar.contracts.exercise.ClockCommandSubmitted;
import nl.weerbaar.kit.events.EventPublisher.Published;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trainer's clock controls. Illegal transitions answer 409 naming the state; each change is an event. Any
 * instance takes them; the one driving the exercise's clock applies them ({@link ClockCommands}).
 */
@RestController
class ExerciseClockCommands {

    private final ClockCommands commands;
    private final Access access;

    ExerciseClockCommands(ClockCommands commands, Access access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping("/api/exercises/{id}/start")
    ResponseEntity<Map<String, Object>> start(@PathVariable String id) {
        return accepted(commands.submit(ClockCommand.START.on(id, trainer())));
    }

    @PostMapping("/api/exercises/{id}/pause")
    ResponseEntity<Map<String, Object>> pause(@PathVariable String id) {
        return accepted(commands.submit(ClockCommand.PAUSE.on(id, trainer())));
    }

    @PostMapping("/api/exercises/{id}/resume")
    ResponseEntity<Map<String, Object>> resume(@PathVariable String id) {
        return accepted(commands.submit(ClockCommand.RESUME.on(id, trainer())));
    }

    @PostMapping("/api/exercises/{id}/stop")
    ResponseEntity<Map<String, Object>> stop(@PathVariable String id) {
        return accepted(commands.submit(ClockCommand.STOP.on(id, trainer())));
    }

    @PutMapping("/api/exercises/{id}/speed")
    ResponseEntity<Map<String, Object>> speed(@PathVariable String id, @Valid @RequestBody ExerciseRequests.Speed body) {
        return accepted(commands.submit(new ClockCommandSubmitted(id, ClockCommand.SPEED.wire(), body.speed(), null,
                null, null, null, null, trainer())));
    }

    @PostMapping("/api/exercises/{id}/jump")
    ResponseEntity<Map<String, Object>> jump(@PathVariable String id, @Valid @RequestBody ExerciseRequests.Jump body) {
        return accepted(commands.submit(new ClockCommandSubmitted(id, ClockCommand.JUMP.wire(), null, body.toSeconds(),
                Boolean.TRUE.equals(body.skipInjects()), null, null, null, trainer())));
    }

    private String trainer() {
        return access.requireAnyRole(Role.TRAINER).name();
    }

    static ResponseEntity<Map<String, Object>> accepted(Published published) {
        return ResponseEntity.accepted().body(Map.of("eventId", published.eventId(), "type", published.type().type()));
    }
}
