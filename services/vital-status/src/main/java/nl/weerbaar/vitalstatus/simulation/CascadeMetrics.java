package nl.weerbaar.vitalstatus.simulation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.contracts.vital.ProviderState;
import org.springframework.stereotype.Component;

/**
 * vital-status's domain figure for Prometheus: how many providers of an exercise are in each state
 * ({@code weerbaar_vital_providers{exercise, state}}), as the cascade holds them after each step — simulated or posted
 * by the providers themselves. An instance shows the exercises whose partitions it processes.
 */
@Component
class CascadeMetrics {

    private final MeterRegistry meters;
    private final Map<String, Map<ProviderState, AtomicInteger>> byExercise = new ConcurrentHashMap<>();

    CascadeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void after(CascadeModel model) {
        Map<ProviderState, AtomicInteger> counts = byExercise.computeIfAbsent(model.exerciseId, this::register);
        EnumMap<ProviderState, Integer> now = new EnumMap<>(ProviderState.class);
        model.providers.values().forEach(p -> now.merge(p.state, 1, Integer::sum));
        counts.forEach((state, count) -> count.set(now.getOrDefault(state, 0)));
    }

    private Map<ProviderState, AtomicInteger> register(String exerciseId) {
        Map<ProviderState, AtomicInteger> counts = new EnumMap<>(ProviderState.class);
        for (ProviderState state : ProviderState.values()) {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("weerbaar.vital.providers", count, AtomicInteger::get)
                    .tags("exercise", exerciseId, "state", state.wire())
                    .description("Providers of the exercise in this state").register(meters);
            counts.put(state, count);
        }
        return counts;
    }
}
