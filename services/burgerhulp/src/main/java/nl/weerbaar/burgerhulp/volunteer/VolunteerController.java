package nl.weerbaar.burgerhulp.volunteer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.weerbaar.burgerhulp.nsp.KnownNsps;
import nl.weerbaar.burgerhulp.request.HelpRequestView;
import nl.weerbaar.burgerhulp.request.HelpRequests;
import nl.weerbaar.contracts.Ids;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerRegistered;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.events.EventPublisher;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Coordinators register the real people who volunteer in an exercise and see them all; a volunteer reports in at a
 * noodsteunpunt (where they can be given work when the phones are down) and out again, for themselves only.
 */
@RestController
class VolunteerController {

    static final String ID = Ids.PATTERN;
    static final String SKILLS = "first-aid|cpr-aed|care|transport-car|transport-bike|technical|languages|psychosocial";

    private final Access access;
    private final ExerciseClocks clocks;
    private final Volunteers volunteers;
    private final KnownNsps nsps;
    private final HelpRequests requests;
    private final EventPublisher publisher;
    private final Clock clock;

    VolunteerController(Access access, ExerciseClocks clocks, Volunteers volunteers, KnownNsps nsps,
                        HelpRequests requests, EventPublisher publisher, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.volunteers = volunteers;
        this.nsps = nsps;
        this.requests = requests;
        this.publisher = publisher;
        this.clock = clock;
    }

    record NewVolunteer(@NotNull @Pattern(regexp = ID) String id, @NotNull @Pattern(regexp = ID) String placeId,
                        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                        @NotEmpty @Size(max = 8) List<@NotNull @Pattern(regexp = SKILLS, message = "{validation.one-of}") String> skills,
                        @Min(1) @Max(5) Integer maxTasks, Boolean hasCar, @Min(0) @Max(240) Integer responseMinutes) {
    }

    record Presence(@Pattern(regexp = ID) String nspId, @NotNull Boolean present) {
    }

    /** A volunteer with how much they are doing: tasks they have now and tasks they finished. */
    record VolunteerListing(String volunteerId, String origin, Volunteer volunteer, String presentAt,
                            Long presentSinceSeconds, long activeTasks, long completedTasks) {
    }

    @PostMapping("/api/exercises/{exerciseId}/volunteers")
    ResponseEntity<Map<String, Object>> register(@PathVariable String exerciseId,
                                                 @Valid @RequestBody NewVolunteer body) {
        WeerbaarUser user = access.requireAnyRole(Role.COORDINATOR);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        clocks.requirePlaces(exercise, "placeId", List.of(body.placeId()));
        if (volunteers.find(exerciseId, body.id()).isPresent()) {
            throw ApiException.conflict("volunteer.exists", body.id(), exerciseId);
        }
        boolean carSkill = body.skills().contains("transport-car");
        if (carSkill && Boolean.FALSE.equals(body.hasCar())) {
            throw ApiException.unprocessable("volunteer.car-skill-without-car", body.id());
        }
        // a real person: acceptance is theirs to give, the simulation never answers for them
        Volunteer volunteer = new Volunteer(body.id(), body.placeId(), PersonalData.coarse(body.lat()),
                PersonalData.coarse(body.lon()),
                body.skills().stream().distinct().toList(), body.maxTasks() == null ? 1 : body.maxTasks(), 1.0,
                body.hasCar() == null ? carSkill : body.hasCar(), body.responseMinutes());
        long now = exercise.scenarioTimeAt(clock.instant());
        String eventId = publisher.publish(volunteer.id(), new VolunteerRegistered(exerciseId, volunteer,
                VolunteerRegistered.BY_COORDINATOR, user.name(), now), exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "volunteerId", volunteer.id()));
    }

    @PostMapping("/api/exercises/{exerciseId}/volunteers/{volunteerId}/presence")
    ResponseEntity<Map<String, Object>> presence(@PathVariable String exerciseId, @PathVariable String volunteerId,
                                                 @Valid @RequestBody Presence body) {
        WeerbaarUser user = access.requireVolunteer(volunteerId);
        ExerciseClock exercise = clocks.requireLive(exerciseId);
        VolunteerView volunteer = known(exerciseId, volunteerId);
        String nspId;
        if (body.present()) {
            if (body.nspId() == null) {
                throw ApiException.unprocessable("presence.nsp-required");
            }
            nsps.find(exerciseId, body.nspId())
                    .orElseThrow(() -> ApiException.notFound("nsp.unknown", body.nspId(), exerciseId));
            if (body.nspId().equals(volunteer.presentAt())) {
                throw ApiException.conflict("volunteer.already-present", volunteerId, body.nspId());
            }
            nspId = body.nspId();
        } else {
            if (volunteer.presentAt() == null) {
                throw ApiException.conflict("volunteer.not-present", volunteerId);
            }
            nspId = volunteer.presentAt();
        }
        long now = exercise.scenarioTimeAt(clock.instant());
        String eventId = publisher.publish(volunteerId, new VolunteerPresenceChanged(exerciseId, volunteerId, nspId,
                body.present(), user.name(), now), exercise.contextAt(now));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "nspId", nspId, "present", body.present()));
    }

    @GetMapping("/api/exercises/{exerciseId}/volunteers")
    List<VolunteerListing> list(@PathVariable String exerciseId) {
        access.requireAnyRole(Role.COORDINATOR, Role.CRISIS_TEAM, Role.TRAINER);
        clocks.require(exerciseId);
        List<HelpRequestView> all = requests.all(exerciseId, null);
        return volunteers.all(exerciseId).stream().map(v -> listing(v, all)).toList();
    }

    @GetMapping("/api/exercises/{exerciseId}/volunteers/{volunteerId}")
    VolunteerListing one(@PathVariable String exerciseId, @PathVariable String volunteerId) {
        access.requireVolunteer(volunteerId);
        clocks.require(exerciseId);
        return listing(known(exerciseId, volunteerId), requests.ofVolunteer(exerciseId, volunteerId));
    }

    private static VolunteerListing listing(VolunteerView v, List<HelpRequestView> requests) {
        String id = v.volunteer().id();
        long active = requests.stream().filter(r -> id.equals(r.assignee) && (HelpRequestView.ACCEPTED
                .equals(r.status) || HelpRequestView.EN_ROUTE.equals(r.status))).count();
        long completed = requests.stream().filter(r -> id.equals(r.assignee)
                && HelpRequestView.COMPLETED.equals(r.status)).count();
        return new VolunteerListing(id, v.origin(), v.volunteer(), v.presentAt(), v.presentSinceSeconds(), active,
                completed);
    }

    private VolunteerView known(String exerciseId, String volunteerId) {
        return volunteers.find(exerciseId, volunteerId)
                .orElseThrow(() -> ApiException.notFound("volunteer.unknown", volunteerId, exerciseId));
    }
}
