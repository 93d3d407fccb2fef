package nl.weerbaar.burgerhulp.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.weerbaar.burgerhulp.request.HelpRequestView;
import nl.weerbaar.burgerhulp.request.HelpRequests;
import nl.weerbaar.burgerhulp.volunteer.VolunteerView;
import nl.weerbaar.burgerhulp.volunteer.Volunteers;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Burgerhulp at a glance for the crisis team and coordinators: can volunteers be phoned, how many there are and where,
 * the help requests per status and how long matching takes.
 */
@RestController
class OverviewController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final Reachabilities reachability;
    private final Volunteers volunteers;
    private final HelpRequests requests;

    OverviewController(Access access, ExerciseClocks clocks, Reachabilities reachability, Volunteers volunteers,
                       HelpRequests requests) {
        this.access = access;
        this.clocks = clocks;
        this.reachability = reachability;
        this.volunteers = volunteers;
        this.requests = requests;
    }

    record Overview(String exerciseId, ReachabilityChanged reachability, String reachabilityMode, int volunteers,
                    long volunteersAtNsp, Map<String, Long> requestsByStatus, Long medianMinutesToMatch,
                    Long maxMinutesToMatch) {
    }

    @GetMapping("/api/exercises/{exerciseId}/burgerhulp")
    Overview overview(@PathVariable String exerciseId) {
        access.requireAnyRole(Role.COORDINATOR, Role.CRISIS_TEAM, Role.TRAINER);
        clocks.require(exerciseId);
        ReachabilityChanged mode = reachability.find(exerciseId).map(Reachabilities.Entry::change).orElse(null);
        List<VolunteerView> all = volunteers.all(exerciseId);
        List<HelpRequestView> helpRequests = requests.all(exerciseId, null);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        helpRequests.forEach(r -> byStatus.merge(r.status, 1L, Long::sum));
        List<Long> toMatch = helpRequests.stream().map(HelpRequestView::getMinutesToMatch)
                .filter(java.util.Objects::nonNull).sorted().toList();
        return new Overview(exerciseId, mode, mode == null ? ReachabilityChanged.PHONE : mode.mode(), all.size(),
                all.stream().filter(v -> v.presentAt() != null).count(), byStatus,
                toMatch.isEmpty() ? null : toMatch.get(toMatch.size() / 2),
                toMatch.isEmpty() ? null : toMatch.getLast());
    }
}
