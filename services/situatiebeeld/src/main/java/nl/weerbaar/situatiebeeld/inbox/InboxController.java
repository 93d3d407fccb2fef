package nl.weerbaar.situatiebeeld.inbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.crisisteam.MessageAnswered;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.idempotency.IdempotencyKeys;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.situatiebeeld.input.ExerciseInput;
import nl.weerbaar.situatiebeeld.picture.LivePictures;
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
 * The crisis team's inbox: the role players' messages (injects that ask something, from the scenario or a trainer)
 * and the crisis team's answer to each, once. An answer goes onto the crisis-team topic at the exercise's clock, so an
 * objective can measure how soon it came.
 */
@RestController
class InboxController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final LivePictures pictures;
    private final ExerciseInput input;

    InboxController(Access access, ExerciseClocks clocks, LivePictures pictures, ExerciseInput input) {
        this.access = access;
        this.clocks = clocks;
        this.pictures = pictures;
        this.input = input;
    }

    record Answer(@NotBlank @Size(max = 2000) String text) {
    }

    @GetMapping("/api/exercises/{exerciseId}/messages")
    List<Picture.InboxItem> inbox(@PathVariable String exerciseId) {
        access.requireAnyRole(Watchers.roles());
        clocks.require(exerciseId);
        return pictures.read(exerciseId, p -> List.copyOf(p.inbox));
    }

    @PostMapping("/api/exercises/{exerciseId}/messages/{messageId}/answer")
    ResponseEntity<Map<String, Object>> answer(@PathVariable String exerciseId, @PathVariable String messageId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody Answer body) {
        WeerbaarUser user = access.requireAnyRole(Role.CRISIS_TEAM);
        return input.submit(user, "answer|" + messageId, exerciseId, idempotencyKey, body, true, (exercise, now, ids) -> {
            Picture.InboxItem message = pictures.read(exerciseId, p -> p.message(messageId)).orElseThrow(() ->
                    ApiException.notFound("message.unknown", messageId, exerciseId));
            if (message.answer() != null) {
                throw ApiException.conflict("message.answered", message.from(), message.answeredBy());
            }
            return new ExerciseInput.Outcome(EventType.MESSAGE_ANSWERED, new MessageAnswered(exerciseId, messageId,
                    body.text().strip(), user.name(), now), now, Map.of());
        });
    }
}
