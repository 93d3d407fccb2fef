package nl.weerbaar.outagetimeline.exercise;

import jakarta.validation.Valid;
import java.util.Map;
import nl.weerbaar.kit.events.EventPublisher.Published;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The trainer's clock controls. Illegal transitions answer 409 naming the state; each change is an event. */
@RestController
class ExerciseClockCommands {

    private final ExerciseEngine engine;
    private final Access access;

    ExerciseClockCommands(ExerciseEngine engine, Access access) {
        this.engine = engine;
        this.access = access;
    }

    @PostMapping("/api/exercises/{id}/start")
    ResponseEntity<Map<String, Object>> start(@PathVariable String id) {
        trainer();
        return accepted(engine.start(id, "start"));
    }

    @PostMapping("/api/exercises/{id}/pause")
    ResponseEntity<Map<String, Object>> pause(@PathVariable String id) {
        trainer();
        return accepted(engine.pause(id));
    }

    @PostMapping("/api/exercises/{id}/resume")
    ResponseEntity<Map<String, Object>> resume(@PathVariable String id) {
        trainer();
        return accepted(engine.resume(id));
    }

    @PostMapping("/api/exercises/{id}/stop")
    ResponseEntity<Map<String, Object>> stop(@PathVariable String id) {
        trainer();
        return accepted(engine.stop(id));
    }

    @PutMapping("/api/exercises/{id}/speed")
    ResponseEntity<Map<String, Object>> speed(@PathVariable String id, @Valid @RequestBody ExerciseRequests.Speed body) {
        trainer();
        return accepted(engine.speed(id, body.speed()));
    }

    @PostMapping("/api/exercises/{id}/jump")
    ResponseEntity<Map<String, Object>> jump(@PathVariable String id, @Valid @RequestBody ExerciseRequests.Jump body) {
        trainer();
        return accepted(engine.jump(id, body.toSeconds(), Boolean.TRUE.equals(body.skipInjects())));
    }

    private void trainer() {
        access.requireAnyRole(Role.TRAINER);
    }

    static ResponseEntity<Map<String, Object>> accepted(Published published) {
        return ResponseEntity.accepted().body(Map.of("eventId", published.eventId(), "type", published.type().type()));
    }
}
