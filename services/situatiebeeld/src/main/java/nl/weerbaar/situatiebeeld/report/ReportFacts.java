package nl.weerbaar.situatiebeeld.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.situatiebeeld.picture.Picture;

/**
 * What an after-action report says about an exercise, gathered in one pass over its record: the picture at the end
 * (decisions, verdicts, NSPs, help), the injects, every provider outage with the chain that caused it, the households
 * served per NSP and those turned away per place, and the hourly figures the charts draw.
 */
final class ReportFacts {

    /** The picture as the record ends. */
    Picture end;
    final List<InjectLine> injects = new ArrayList<>();
    /** Every period a provider was down, in the order they began. */
    final List<Outage> outages = new ArrayList<>();
    /** Households checked in per NSP (by id), and the most present at once. */
    final Map<String, Integer> checkIns = new LinkedHashMap<>();
    final Map<String, Integer> peakOccupancy = new LinkedHashMap<>();
    /** Households an NSP could not serve (none open, all full), per place id. */
    final Map<String, Integer> unservedByPlace = new TreeMap<>();
    /** The picture's figures at every full scenario hour. */
    final List<Sample> samples = new ArrayList<>();

    record InjectLine(long atSeconds, String sector, Text effect, String severity) {
    }

    /** A provider down from {@code fromSeconds} until {@code untilSeconds} (null: still down at the end). */
    static final class Outage {
        final String providerId;
        final long fromSeconds;
        final Text cause;
        final List<CauseStep> chain;
        Long untilSeconds;

        Outage(String providerId, long fromSeconds, Text cause, List<CauseStep> chain) {
            this.providerId = providerId;
            this.fromSeconds = fromSeconds;
            this.cause = cause;
            this.chain = chain;
        }

        /** How long it was down: until it came back, or until the record ends. */
        long seconds(long endSeconds) {
            return (untilSeconds == null ? endSeconds : untilSeconds) - fromSeconds;
        }

        /** From the first link of its chain (the root cause) to this provider going down. */
        long propagationSeconds() {
            return chain.isEmpty() ? 0 : fromSeconds - chain.getFirst().atSeconds();
        }
    }

    /** At scenario hour {@code atSeconds}: households present at NSPs, requests waiting, providers per state. */
    record Sample(long atSeconds, int occupancy, int waitingRequests, Map<String, Integer> providersByState) {
    }
}
