package nl.weerbaar.noodsteunpunt.checkin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.idempotency.IdempotencyKeys;
import nl.weerbaar.kit.privacy.PersonalData;
import nl.weerbaar.kit.geo.Distance;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.noodsteunpunt.nsp.NspView;
import nl.weerbaar.noodsteunpunt.nsp.NspViews;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * NSP operators check households in and out at their own NSPs (the crisis team at any). A check-in holds no name
 * or address: household size, needs, a less-self-reliant flag, a four-digit postcode at most and a short note.
 * A full NSP answers with the nearest open NSP that has room.
 */
@RestController
class CheckInController {

    static final String NEEDS = "water|food|warmth|first-aid|medication|charging|information|report-emergency|"
            + "transport|check-on-person|shelter";

    private final Access access;
    private final ExerciseClocks clocks;
    private final NspViews nsps;
    private final CheckIns checkIns;
    private final EventPublisher publisher;
    private final IdempotencyKeys idempotency;
    private final PersonalData personalData;
    private final Clock clock;

    CheckInController(Access access, ExerciseClocks clocks, NspViews nsps, CheckIns checkIns,
                      EventPublisher publisher, IdempotencyKeys idempotency, PersonalData personalData, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.nsps = nsps;
        this.checkIns = checkIns;
        this.publisher = publisher;
        this.idempotency = idempotency;
        this.personalData = personalData;
        this.clock = clock;
    }

    record NewCheckIn(@NotNull @Min(1) @Max(12) Integer householdSize,
                      @NotEmpty @Size(max = 11) List<@NotNull @Pattern(regexp = NEEDS, message = "{validation.one-of}") String> needs,
                      Boolean lessSelfReliant,
                      @Pattern(regexp = "[1-9][0-9]{3}", message = "{validation.postcode}") String postcode,
                      @Size(max = 500) String note) {
    }

    @PostMapping("/api/exercises/{exerciseId}/nsps/{nspId}/check-ins")
    ResponseEntity<Map<String, Object>> checkIn(@PathVariable String exerciseId, @PathVariable String nspId,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody NewCheckIn body) {
        WeerbaarUser user = access.requireNsp(nspId);
        return idempotency.once(user.name(), "check-in|" + exerciseId + "|" + nspId, idempotencyKey, body,
                ids -> checkIn(exerciseId, nspId, body, user, ids));
    }

    private ResponseEntity<Map<String, Object>> checkIn(String exerciseId, String nspId, NewCheckIn body,
                                                        WeerbaarUser user, IdempotencyKeys.Ids ids) {
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        NspView nsp = known(exerciseId, nspId);
        if (!nsp.state().serving()) {
            throw ApiException.conflict("nsp.not-open", nspId, nsp.state().wire());
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        Map<String, CheckIns.Occupancy> occupancy = checkIns.occupancy(exerciseId, now);
        if (nsp.state() == NspState.FULL || people(occupancy, nspId) + body.householdSize() > nsp.nsp().capacity()) {
            ApiException full = ApiException.conflict("nsp.full", nspId, people(occupancy, nspId),
                    nsp.nsp().capacity());
            nearestWithRoom(exerciseId, nsp.nsp(), body.householdSize(), occupancy)
                    .ifPresent(alternative -> full.with("alternative", alternative));
            throw full;
        }
        String checkInId = "ci-" + ids.of("check-in").substring(0, 13);
        CitizenCheckedIn in = new CitizenCheckedIn(exerciseId, nspId, checkInId, body.householdSize(),
                body.needs().stream().distinct().toList(), Boolean.TRUE.equals(body.lessSelfReliant()),
                personalData.seal(exerciseId, body.postcode()), personalData.seal(exerciseId, blankToNull(body.note())),
                CitizenCheckedIn.FROM_OPERATOR, null, null, user.name(), now);
        String eventId = publisher.publishWithId(ids.of("event"), nspId, in, exercise.contextAt(now)).eventId();
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "checkInId", checkInId, "atSeconds", now));
    }

    @PostMapping("/api/exercises/{exerciseId}/nsps/{nspId}/check-ins/{checkInId}/check-out")
    ResponseEntity<Map<String, Object>> checkOut(@PathVariable String exerciseId, @PathVariable String nspId,
                                                 @PathVariable String checkInId) {
        WeerbaarUser user = access.requireNsp(nspId);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        known(exerciseId, nspId);
        CheckInView visit = checkIns.find(exerciseId, checkInId).filter(c -> c.nspId().equals(nspId))
                .orElseThrow(() -> ApiException.notFound("check-in.unknown", checkInId, nspId));
        if (!visit.present()) {
            throw ApiException.conflict("check-in.already-out", checkInId);
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        String eventId = publisher.publish(nspId, new CitizenCheckedOut(exerciseId, nspId, checkInId,
                visit.householdSize(), CitizenCheckedOut.LEFT, CitizenCheckedIn.FROM_OPERATOR, user.name(), now),
                exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "atSeconds", now));
    }

    /** The visits at an NSP, for its own operators and the crisis team; present ones only unless {@code all}. */
    @GetMapping("/api/exercises/{exerciseId}/nsps/{nspId}/check-ins")
    List<CheckInView> list(@PathVariable String exerciseId, @PathVariable String nspId,
                           @RequestParam(defaultValue = "false") boolean all) {
        access.requireNsp(nspId);
        clocks.require(exerciseId);
        known(exerciseId, nspId);
        return checkIns.atNsp(exerciseId, nspId, !all).stream().map(visit -> visit.opened(personalData)).toList();
    }

    private Optional<Map<String, Object>> nearestWithRoom(String exerciseId, NspSite full, int size,
                                                          Map<String, CheckIns.Occupancy> occupancy) {
        return nsps.all(exerciseId).stream()
                .filter(v -> v.state() == NspState.OPEN && !v.nsp().id().equals(full.id()))
                .filter(v -> people(occupancy, v.nsp().id()) + size <= v.nsp().capacity())
                .min(Comparator.comparingDouble(v -> Distance.km(full.lat(), full.lon(), v.nsp().lat(),
                        v.nsp().lon())))
                .map(v -> {
                    Map<String, Object> alternative = new LinkedHashMap<>();
                    alternative.put("nspId", v.nsp().id());
                    alternative.put("name", v.nsp().name());
                    alternative.put("address", v.nsp().address());
                    alternative.put("distanceKm", Math.round(Distance.km(full.lat(), full.lon(), v.nsp().lat(),
                            v.nsp().lon()) * 10) / 10.0);
                    alternative.put("room", v.nsp().capacity() - people(occupancy, v.nsp().id()));
                    return alternative;
                });
    }

    private static int people(Map<String, CheckIns.Occupancy> occupancy, String nspId) {
        CheckIns.Occupancy o = occupancy.get(nspId);
        return o == null ? 0 : o.people;
    }

    private NspView known(String exerciseId, String nspId) {
        return nsps.find(exerciseId, nspId)
                .orElseThrow(() -> ApiException.notFound("nsp.unknown", nspId, exerciseId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
