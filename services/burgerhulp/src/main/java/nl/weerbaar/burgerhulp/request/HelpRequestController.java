package nl.weerbaar.burgerhulp.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.weerbaar.burgerhulp.nsp.KnownNsp;
import nl.weerbaar.burgerhulp.nsp.KnownNsps;
import nl.weerbaar.contracts.Ids;
import nl.weerbaar.contracts.burgerhulp.HelpNeeds;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.idempotency.IdempotencyKeys;
import nl.weerbaar.kit.privacy.PersonalData;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators (and the crisis team) open help requests of their own — at a noodsteunpunt or at an address given as
 * coordinates — and follow all requests: the noodsteunpunten's and their own, with offers, answers and escalations.
 * Urgency and deadline default to what the noodsteunpunten use for the same need.
 */
@RestController
class HelpRequestController {

    static final String ID = Ids.PATTERN;
    static final String NEEDS = "first-aid|medication|transport|check-on-person";
    static final String URGENCIES = "immediate|urgent|normal";
    static final List<String> STATUSES = List.of(HelpRequestView.OPEN, HelpRequestView.OFFERED,
            HelpRequestView.ACCEPTED, HelpRequestView.EN_ROUTE, HelpRequestView.COMPLETED, HelpRequestView.ESCALATED);

    private final Access access;
    private final ExerciseClocks clocks;
    private final KnownNsps nsps;
    private final HelpRequests requests;
    private final EventPublisher publisher;
    private final IdempotencyKeys idempotency;
    private final PersonalData personalData;
    private final Clock clock;

    HelpRequestController(Access access, ExerciseClocks clocks, KnownNsps nsps, HelpRequests requests,
                          EventPublisher publisher, IdempotencyKeys idempotency, PersonalData personalData,
                          Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.nsps = nsps;
        this.requests = requests;
        this.publisher = publisher;
        this.idempotency = idempotency;
        this.personalData = personalData;
        this.clock = clock;
    }

    record NewHelpRequest(@NotNull @Pattern(regexp = NEEDS, message = "{validation.one-of}") String need,
                          @Pattern(regexp = URGENCIES, message = "{validation.one-of}") String urgency,
                          @Min(1) @Max(4320) Integer deadlineMinutes, @Pattern(regexp = ID) String nspId,
                          @Pattern(regexp = ID) String placeId, @DecimalMin("-90") @DecimalMax("90") Double lat,
                          @DecimalMin("-180") @DecimalMax("180") Double lon, Boolean lessSelfReliant,
                          @Min(1) @Max(12) Integer householdSize, @Size(max = 500) String note) {
    }

    @PostMapping("/api/exercises/{exerciseId}/help-requests")
    ResponseEntity<Map<String, Object>> open(@PathVariable String exerciseId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody NewHelpRequest body) {
        WeerbaarUser user = access.requireAnyRole(Role.COORDINATOR, Role.CRISIS_TEAM);
        return idempotency.once(user.name(), "help-request|" + exerciseId, idempotencyKey, body,
                ids -> open(exerciseId, body, user, ids));
    }

    private ResponseEntity<Map<String, Object>> open(String exerciseId, NewHelpRequest body, WeerbaarUser user,
                                                     IdempotencyKeys.Ids ids) {
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        clocks.requirePlaces(exercise, "placeId", java.util.Collections.singletonList(body.placeId()));
        KnownNsp nsp = body.nspId() == null ? null : nsps.find(exerciseId, body.nspId())
                .orElseThrow(() -> ApiException.notFound("nsp.unknown", body.nspId(), exerciseId));
        if (nsp == null && (body.lat() == null || body.lon() == null)) {
            throw ApiException.unprocessable("help-request.where");
        }
        boolean lessSelfReliant = Boolean.TRUE.equals(body.lessSelfReliant());
        HelpNeeds.Help usual = HelpNeeds.forNeed(body.need(), lessSelfReliant).orElseThrow();
        long now = exercise.scenarioTimeAt(clock.instant());
        long deadline = now + (body.deadlineMinutes() == null ? usual.deadlineSeconds() : 60L * body.deadlineMinutes());
        String requestId = "hr-" + ids.of("help-request").substring(0, 13);
        HelpRequestOpened opened = new HelpRequestOpened(exerciseId, requestId, body.need(),
                body.urgency() == null ? usual.urgency() : body.urgency(), deadline,
                body.placeId() != null ? body.placeId() : nsp == null ? null : nsp.nsp().placeId(),
                body.nspId(), body.lat() != null ? PersonalData.coarse(body.lat()) : nsp.nsp().lat(),
                body.lon() != null ? PersonalData.coarse(body.lon()) : nsp.nsp().lon(), lessSelfReliant,
                body.householdSize() == null ? 1 : body.householdSize(),
                personalData.seal(exerciseId, blankToNull(body.note())),
                HelpRequestOpened.BY_COORDINATOR, user.name(), now);
        String eventId = publisher.publishWithId(ids.of("event"), requestId, opened, exercise.contextAt(now)).eventId();
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "requestId", requestId,
                "urgency", opened.urgency(), "deadlineSeconds", deadline));
    }

    /**
     * One page of the exercise's requests, oldest first ({@code size} at most {@value #MAX_PAGE}): a region's exercise
     * has tens of thousands. {@code X-Total-Count} says how many there are in all.
     */
    @GetMapping("/api/exercises/{exerciseId}/help-requests")
    ResponseEntity<List<HelpRequestView>> list(@PathVariable String exerciseId,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "200") int size) {
        access.requireAnyRole(Role.COORDINATOR, Role.CRISIS_TEAM, Role.TRAINER);
        clocks.require(exerciseId);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("help-request.unknown-status", status, String.join(", ", STATUSES));
        }
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            // as text: a message format would write 5000 as "5.000"
            throw ApiException.badRequest("help-request.bad-page", Integer.toString(page), Integer.toString(size),
                    Integer.toString(MAX_PAGE));
        }
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(requests.count(exerciseId, status)))
                .body(requests.page(exerciseId, status, page, size));
    }

    static final int MAX_PAGE = 1000;

    @GetMapping("/api/exercises/{exerciseId}/help-requests/{requestId}")
    HelpRequestView one(@PathVariable String exerciseId, @PathVariable String requestId) {
        access.requireAnyRole(Role.COORDINATOR, Role.CRISIS_TEAM, Role.TRAINER);
        clocks.require(exerciseId);
        return requests.find(exerciseId, requestId)
                .orElseThrow(() -> ApiException.notFound("help-request.unknown", requestId, exerciseId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
