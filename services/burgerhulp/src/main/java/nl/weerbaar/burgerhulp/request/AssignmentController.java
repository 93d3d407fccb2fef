package nl.weerbaar.burgerhulp.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.burgerhulp.coordination.CoordinationQueries;
import nl.weerbaar.burgerhulp.coordination.RequestState;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The volunteer's side: their offers and tasks, accepting or declining an offer, reporting en route, done or not
 * possible. A volunteer acts only on their own offers and tasks (403 otherwise); a coordinator may act for one (who
 * called in by radio, say). An answer or report is published as a command to the coordination, the only writer of a
 * request's state, which decides it into a fact (or a refusal, when the request moved on before the command's turn);
 * the {@code 202} carries the command's id. What the coordination would no longer take is refused here at once (409).
 */
@RestController
class AssignmentController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final HelpRequests requests;
    private final CoordinationQueries coordination;
    private final EventPublisher publisher;
    private final Clock clock;

    AssignmentController(Access access, ExerciseClocks clocks, HelpRequests requests,
                         CoordinationQueries coordination, EventPublisher publisher, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.requests = requests;
        this.coordination = coordination;
        this.publisher = publisher;
        this.clock = clock;
    }

    record Progress(@NotNull @Pattern(regexp = "en-route|completed|failed",
            message = "{validation.one-of}") String status) {
    }

    /**
     * A help request as one volunteer sees it: what, where and by when, their own offers, and whether it is theirs
     * ({@code status} is the request's only when it is; others' names are never shown).
     */
    record Task(String requestId, HelpRequestOpened request, List<OfferView> offers, boolean mine, String status) {
    }

    @GetMapping("/api/exercises/{exerciseId}/volunteers/{volunteerId}/tasks")
    List<Task> tasks(@PathVariable String exerciseId, @PathVariable String volunteerId) {
        access.requireVolunteer(volunteerId);
        clocks.require(exerciseId);
        return requests.ofVolunteer(exerciseId, volunteerId).stream().map(r -> {
            boolean mine = volunteerId.equals(r.assignee);
            return new Task(r.requestId, r.request, r.offers.stream().filter(o -> o.volunteerId().equals(volunteerId))
                    .toList(), mine, mine || r.unsettled() ? r.status : "taken");
        }).toList();
    }

    @PostMapping("/api/exercises/{exerciseId}/offers/{offerId}/accept")
    ResponseEntity<Map<String, Object>> accept(@PathVariable String exerciseId, @PathVariable String offerId) {
        return answer(exerciseId, offerId, OfferAnswered.ACCEPTED);
    }

    @PostMapping("/api/exercises/{exerciseId}/offers/{offerId}/decline")
    ResponseEntity<Map<String, Object>> decline(@PathVariable String exerciseId, @PathVariable String offerId) {
        return answer(exerciseId, offerId, OfferAnswered.DECLINED);
    }

    @PostMapping("/api/exercises/{exerciseId}/help-requests/{requestId}/progress")
    ResponseEntity<Map<String, Object>> progress(@PathVariable String exerciseId, @PathVariable String requestId,
                                                 @Valid @RequestBody Progress body) {
        access.requireAnyRole(Role.VOLUNTEER, Role.COORDINATOR);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        requests.find(exerciseId, requestId)
                .orElseThrow(() -> ApiException.notFound("help-request.unknown", requestId, exerciseId));
        RequestState decided = decided(exerciseId, requestId).filter(RequestState::assigned)
                .orElseThrow(() -> ApiException.conflict("help-request.not-assigned", requestId));
        WeerbaarUser user = access.requireVolunteer(decided.assignee);
        if (RequestState.EN_ROUTE.equals(body.status()) && !RequestState.ACCEPTED.equals(decided.status)) {
            throw ApiException.conflict("help-request.progress-not-allowed", requestId, decided.status,
                    body.status());
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        String commandId = publisher.publish(EventType.ASSIGNMENT_PROGRESS_SUBMITTED, requestId,
                new AssignmentProgressed(exerciseId, requestId, decided.assignee, body.status(), user.name(), now),
                exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("commandId", commandId, "status", body.status()));
    }

    private ResponseEntity<Map<String, Object>> answer(String exerciseId, String offerId, String answer) {
        access.requireAnyRole(Role.VOLUNTEER, Role.COORDINATOR);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        HelpRequestView request = requests.byOffer(exerciseId, offerId)
                .orElseThrow(() -> ApiException.notFound("offer.unknown", offerId, exerciseId));
        OfferView offer = request.offer(offerId).orElseThrow();
        WeerbaarUser user = access.requireVolunteer(offer.volunteerId());
        if (!offer.standing()) {
            throw ApiException.conflict("offer.answered", offerId, offer.answer());
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        RequestState.Offer standing = decided(exerciseId, request.requestId)
                .filter(r -> !r.settled())
                .map(r -> r.offers.get(offerId))
                .orElseThrow(() -> ApiException.conflict("offer.no-longer-open", offerId));
        if (now >= standing.expiresAt()) {
            throw ApiException.conflict("offer.expired", offerId);
        }
        String commandId = publisher.publish(EventType.OFFER_ANSWER_SUBMITTED, request.requestId,
                new OfferAnswered(exerciseId, request.requestId, offerId, offer.volunteerId(), answer, user.name(),
                        now), exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("commandId", commandId, "requestId", request.requestId,
                "answer", answer));
    }

    /** The request as the coordination model has it now: the one that decides. */
    private Optional<RequestState> decided(String exerciseId, String requestId) {
        return coordination.request(exerciseId, requestId);
    }
}
