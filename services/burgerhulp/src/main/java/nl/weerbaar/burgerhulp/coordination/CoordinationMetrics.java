package nl.weerbaar.burgerhulp.coordination;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.kit.model.Emitted;
import org.springframework.stereotype.Component;

/**
 * burgerhulp's domain figures for Prometheus: help requests opened and escalated, and the time from a request's
 * opening to the answer of the volunteer who took it, in scenario minutes ({@code weerbaar_help_requests_opened_total},
 * {@code weerbaar_help_requests_escalated_total}, {@code weerbaar_help_time_to_match_minutes}). Counted where the
 * decisions are made; a stream task that is retried after a crash may count a step twice (metrics are not part of the
 * exactly-once transaction; the topic is the record).
 */
@Component
class CoordinationMetrics {

    private final MeterRegistry meters;
    private final DistributionSummary timeToMatch;

    CoordinationMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.timeToMatch = DistributionSummary.builder("weerbaar.help.time.to.match").baseUnit("minutes")
                .description("From a help request's opening to the answer of the volunteer who took it (scenario time)")
                .serviceLevelObjectives(5, 15, 30, 60, 120, 240, 480).register(meters);
        // from zero: Prometheus's increase() misses the first escalations of a series that appears with them
        for (String reason : List.of("no-volunteer", "deadline-passed")) {
            meters.counter("weerbaar.help.requests.escalated", "reason", reason);
        }
    }

    void after(CoordinationModel model, List<Emitted> emitted) {
        for (Emitted e : emitted) {
            if (e.payload() instanceof HelpRequestOpened opened) {
                meters.counter("weerbaar.help.requests.opened", "need", opened.need(), "urgency", opened.urgency())
                        .increment();
            } else if (e.payload() instanceof HelpRequestEscalated escalated) {
                meters.counter("weerbaar.help.requests.escalated", "reason", escalated.reason()).increment();
            } else if (e.payload() instanceof OfferAnswered answer && OfferAnswered.ACCEPTED.equals(answer.answer())) {
                RequestState request = model.requests.get(answer.requestId());
                if (request != null && request.request != null) {
                    timeToMatch.record((answer.atSeconds() - request.request.atSeconds()) / 60.0);
                }
            }
        }
    }
}
