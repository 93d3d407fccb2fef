package nl.weerbaar.noodsteunpunt.nsp;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.privacy.PersonalData;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.security.WeerbaarUser;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.noodsteunpunt.checkin.CheckIns;
import nl.weerbaar.noodsteunpunt.checkin.CheckIns.Occupancy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The crisis team's reads: every NSP with its state, occupancy against capacity, arrivals, needs and stock; one
 * NSP's history; the notices (thresholds, households without a place, resupply, help requests).
 */
@RestController
class NspController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final NspViews views;
    private final CheckIns checkIns;
    private final NspNotices notices;
    private final PersonalData personalData;
    private final Clock clock;

    NspController(Access access, ExerciseClocks clocks, NspViews views, CheckIns checkIns, NspNotices notices,
                  PersonalData personalData, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.views = views;
        this.checkIns = checkIns;
        this.notices = notices;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** An NSP now: its view, people present against capacity, arrivals in the past hour, needs of those present. */
    record NspNow(NspView status, int occupancy, int households, int capacity, int occupancyPercent,
                  int arrivalsLastHour, Map<String, Integer> needs, long scenarioTimeSeconds) {

        static NspNow of(NspView v, Occupancy o, long now) {
            Occupancy counted = o == null ? new Occupancy() : o;
            int capacity = v.nsp().capacity();
            return new NspNow(v, counted.people, counted.households, capacity,
                    (int) Math.floor(counted.people * 100.0 / capacity), counted.arrivalsLastHour, counted.needs, now);
        }
    }

    @GetMapping("/api/exercises/{exerciseId}/nsps")
    List<NspNow> nsps(@PathVariable String exerciseId) {
        long now = readable(exerciseId);
        Map<String, Occupancy> occupancy = checkIns.occupancy(exerciseId, now);
        return views.all(exerciseId).stream().map(v -> NspNow.of(v, occupancy.get(v.nsp().id()), now)).toList();
    }

    @GetMapping("/api/exercises/{exerciseId}/nsps/{nspId}")
    NspNow nsp(@PathVariable String exerciseId, @PathVariable String nspId) {
        long now = readable(exerciseId);
        NspView v = known(exerciseId, nspId);
        return NspNow.of(v, checkIns.occupancy(exerciseId, now).get(nspId), now);
    }

    @GetMapping("/api/exercises/{exerciseId}/nsps/{nspId}/history")
    List<NspStateChanged> history(@PathVariable String exerciseId, @PathVariable String nspId) {
        readable(exerciseId);
        known(exerciseId, nspId);
        return views.history(exerciseId, nspId);
    }

    /** Notices in scenario-time order; {@code kind} one of threshold, unserved, resupply, delivery, help. */
    @GetMapping("/api/exercises/{exerciseId}/nsp-notices")
    List<Map<String, Object>> notices(@PathVariable String exerciseId, @RequestParam(required = false) String kind,
                                      @RequestParam(required = false) String nspId) {
        readable(exerciseId);
        if (kind != null && !NspNotices.KINDS.containsKey(kind)) {
            throw ApiException.badRequest("notice.unknown-kind", kind, String.join(", ",
                    new java.util.TreeSet<>(NspNotices.KINDS.keySet())));
        }
        // an NSP operator (and nobody else besides) sees only the notices of the NSPs they run
        WeerbaarUser user = access.currentUser();
        boolean ownOnly = Stream.of(Role.CRISIS_TEAM, Role.TRAINER, Role.COORDINATOR).noneMatch(user::has);
        if (nspId != null) {
            if (ownOnly) {
                access.requireNsp(nspId);
            }
            return opened(notices.find(exerciseId, kind, List.of(nspId)));
        }
        return opened(notices.find(exerciseId, kind, ownOnly ? user.nspIds() : null));
    }

    /** A help request's note as the operator wrote it while the exercise's key exists; none after the purge. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> opened(List<Map<String, Object>> found) {
        found.forEach(notice -> {
            if (notice.get("event") instanceof Map<?, ?> event && event.get("note") instanceof String note) {
                String plain = personalData.openOrNull(note);
                if (plain == null) {
                    ((Map<String, Object>) event).remove("note");
                } else {
                    ((Map<String, Object>) event).put("note", plain);
                }
            }
        });
        return found;
    }

    /** Read access for the crisis team, trainers, NSP operators and burgerhulp coordinators; scenario time now. */
    private long readable(String exerciseId) {
        access.requireAnyRole(Role.CRISIS_TEAM, Role.TRAINER, Role.NSP_OPERATOR, Role.COORDINATOR);
        ExerciseClock exercise = clocks.require(exerciseId);
        return exercise.scenarioTimeAt(clock.instant());
    }

    private NspView known(String exerciseId, String nspId) {
        return views.find(exerciseId, nspId)
                .orElseThrow(() -> ApiException.notFound("nsp.unknown", nspId, exerciseId));
    }
}
