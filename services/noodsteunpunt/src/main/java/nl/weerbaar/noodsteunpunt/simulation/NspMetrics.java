package nl.weerbaar.noodsteunpunt.simulation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.weerbaar.contracts.noodsteunpunt.HelpRequested;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.kit.model.Emitted;
import org.springframework.stereotype.Component;

/**
 * The domain figures of DESIGN.md §9 for Prometheus: occupancy and capacity per NSP and exercise
 * ({@code weerbaar_nsp_occupancy}, {@code weerbaar_nsp_capacity}), help requests per need and urgency, and the
 * households that found no place ({@code weerbaar_nsp_help_requests_total}, {@code weerbaar_nsp_unserved_total}).
 */
@Component
class NspMetrics {

    private final MeterRegistry meters;
    private final Map<String, AtomicInteger> occupancy = new ConcurrentHashMap<>();

    NspMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void after(NspModel model, List<Emitted> emitted) {
        model.changedSoFar().forEach(site -> gauge(model.exerciseId, site).set(site.occupancy));
        for (Emitted e : emitted) {
            if (e.payload() instanceof HelpRequested help) {
                meters.counter("weerbaar.nsp.help.requests", "need", help.need(), "urgency", help.urgency())
                        .increment();
            } else if (e.payload() instanceof HouseholdUnserved unserved) {
                meters.counter("weerbaar.nsp.unserved", "reason", unserved.reason()).increment();
            }
        }
    }

    private AtomicInteger gauge(String exerciseId, Site site) {
        return occupancy.computeIfAbsent(exerciseId + "/" + site.id(), key -> {
            Tags tags = Tags.of("exercise", exerciseId, "nsp", site.id());
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("weerbaar.nsp.occupancy", value, AtomicInteger::get).tags(tags)
                    .description("People present at the NSP").register(meters);
            int capacity = site.nsp.capacity();
            Gauge.builder("weerbaar.nsp.capacity", () -> capacity).tags(tags)
                    .description("Capacity of the NSP (people)").register(meters);
            return value;
        });
    }
}
