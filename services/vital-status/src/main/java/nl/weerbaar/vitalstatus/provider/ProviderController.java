package nl.weerbaar.vitalstatus.provider;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.kit.clock.ExerciseClock;
import nl.weerbaar.kit.clock.ExerciseClocks;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The crisis team's reads: every provider with its state and since when, one provider's history, per sector. */
@RestController
class ProviderController {

    private final Access access;
    private final ExerciseClocks clocks;
    private final ProviderViews views;
    private final Clock clock;

    ProviderController(Access access, ExerciseClocks clocks, ProviderViews views, Clock clock) {
        this.access = access;
        this.clocks = clocks;
        this.views = views;
        this.clock = clock;
    }

    /** A provider now, with its backup run down to the current scenario time. */
    record ProviderNow(ProviderView status, Double backupRemainingHoursNow, long scenarioTimeSeconds) {
    }

    record SectorSummary(String sector, int normal, int degraded, int onBackup, int down, int restored, int total) {
    }

    @GetMapping("/api/exercises/{exerciseId}/providers")
    List<ProviderNow> providers(@PathVariable String exerciseId) {
        long now = readable(exerciseId);
        return views.all(exerciseId).stream().map(v -> new ProviderNow(v, v.backupRemainingAt(now), now)).toList();
    }

    @GetMapping("/api/exercises/{exerciseId}/providers/{providerId}")
    ProviderNow provider(@PathVariable String exerciseId, @PathVariable String providerId) {
        long now = readable(exerciseId);
        ProviderView v = known(exerciseId, providerId);
        return new ProviderNow(v, v.backupRemainingAt(now), now);
    }

    @GetMapping("/api/exercises/{exerciseId}/providers/{providerId}/history")
    List<ProviderStatusChanged> history(@PathVariable String exerciseId, @PathVariable String providerId) {
        readable(exerciseId);
        known(exerciseId, providerId);
        return views.history(exerciseId, providerId);
    }

    @GetMapping("/api/exercises/{exerciseId}/sectors")
    List<SectorSummary> sectors(@PathVariable String exerciseId) {
        readable(exerciseId);
        Map<String, int[]> counts = new TreeMap<>();
        for (ProviderView v : views.all(exerciseId)) {
            counts.computeIfAbsent(v.provider().sector(), s -> new int[ProviderState.values().length])
                    [v.state().ordinal()]++;
        }
        return counts.entrySet().stream().map(e -> {
            int[] c = e.getValue();
            return new SectorSummary(e.getKey(), c[ProviderState.NORMAL.ordinal()],
                    c[ProviderState.DEGRADED.ordinal()], c[ProviderState.ON_BACKUP.ordinal()],
                    c[ProviderState.DOWN.ordinal()], c[ProviderState.RESTORED.ordinal()],
                    java.util.Arrays.stream(c).sum());
        }).toList();
    }

    @GetMapping("/api/exercises/{exerciseId}/alerts")
    List<AlertView> alerts(@PathVariable String exerciseId) {
        readable(exerciseId);
        return views.alerts(exerciseId);
    }

    /** Read access for the crisis team, trainers and providers; returns the exercise's scenario time now. */
    private long readable(String exerciseId) {
        access.requireAnyRole(Role.CRISIS_TEAM, Role.TRAINER, Role.PROVIDER);
        ExerciseClock exercise = clocks.require(exerciseId);
        return exercise.scenarioTimeAt(clock.instant());
    }

    private ProviderView known(String exerciseId, String providerId) {
        return views.find(exerciseId, providerId)
                .orElseThrow(() -> ApiException.notFound("provider.unknown", providerId, exerciseId));
    }
}
