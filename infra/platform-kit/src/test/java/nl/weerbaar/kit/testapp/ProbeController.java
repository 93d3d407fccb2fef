package nl.weerbaar.kit.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProbeController {

    record ProbeRequest(@NotBlank String exerciseId, @Positive double speed, @NotNull Long seed,
                        @jakarta.validation.constraints.Pattern(regexp = "drill|test",
                                message = "{validation.one-of}") String kind) {
    }

    private final EventPublisher publisher;
    private final Access access;
    private final MongoTemplate mongo;

    ProbeController(EventPublisher publisher, Access access, MongoTemplate mongo) {
        this.publisher = publisher;
        this.access = access;
        this.mongo = mongo;
    }

    @PostMapping("/api/probes")
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody ProbeRequest request) {
        access.requireAnyRole(Role.TRAINER);
        ExerciseCreated created = new ExerciseCreated(request.exerciseId(), "probe", "Probe", request.seed(),
                request.speed(), 0, null, ExerciseStatus.TEST, null, access.currentUser().name(), null);
        String id = publisher.publish(request.exerciseId(), created,
                EventContext.of(request.exerciseId(), ExerciseStatus.TEST, 0));
        return ResponseEntity.accepted().body(Map.of("eventId", id));
    }

    @PostMapping("/api/providers/{providerId}/probe")
    ResponseEntity<Map<String, String>> providerProbe(@PathVariable String providerId) {
        return ResponseEntity.accepted().body(Map.of("provider", access.requireProvider(providerId).name()));
    }

    /** Who may enter an exercise (its scope is checked for every exercise path, before this runs). */
    @GetMapping("/api/exercises/{exerciseId}/probe")
    Map<String, String> inExercise(@PathVariable String exerciseId) {
        return Map.of("user", access.currentUser().name(), "exercise", exerciseId);
    }

    @GetMapping("/api/probes/{exerciseId}")
    Map<String, Object> get(@PathVariable String exerciseId, @RequestParam(required = false) Long at,
                            @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId) {
        Document effect = mongo.findById(exerciseId, Document.class, ProbeListener.COLLECTION);
        if (effect == null) {
            throw ApiException.notFound("probe.unknown", exerciseId);
        }
        return effect;
    }
}
