package nl.weerbaar.situatiebeeld.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.HouseholdUnserved;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.Picture;
import nl.weerbaar.situatiebeeld.picture.PictureFolder;
import org.springframework.stereotype.Component;

/**
 * Gathers a report's facts in one pass over the exercise's record in scenario-time order, folding the picture as the
 * review does and taking its figures at every full hour: the report of an exercise says the same whenever it is asked
 * for and on whichever instance.
 */
@Component
class ReportFold {

    private static final long HOUR = 3600;

    private final PictureLog log;

    ReportFold(PictureLog log) {
        this.log = log;
    }

    ReportFacts facts(String exerciseId) {
        try (Stream<LogEntry> entries = log.between(exerciseId, Long.MIN_VALUE, Long.MAX_VALUE)) {
            return facts(exerciseId, entries);
        }
    }

    static ReportFacts facts(String exerciseId, Stream<LogEntry> entries) {
        ReportFacts facts = new ReportFacts();
        Picture picture = new Picture();
        picture.exerciseId = exerciseId;
        Map<String, ReportFacts.Outage> down = new HashMap<>();
        long[] next = {0};
        entries.forEach(entry -> {
            for (; next[0] <= entry.atSeconds(); next[0] += HOUR) {
                facts.samples.add(sample(picture, next[0]));
            }
            PictureFolder.apply(picture, entry);
            take(facts, picture, down, PictureFolder.event(entry), entry.atSeconds());
        });
        for (; next[0] <= picture.clockSeconds; next[0] += HOUR) {
            facts.samples.add(sample(picture, next[0]));
        }
        facts.end = picture;
        return facts;
    }

    private static void take(ReportFacts facts, Picture picture, Map<String, ReportFacts.Outage> down, Object event,
                             long at) {
        switch (event) {
            case InjectFired f -> facts.injects.add(new ReportFacts.InjectLine(at, f.inject().sector(),
                    f.inject().effect(), f.inject().severity()));
            case ProviderStatusChanged s when s.state() == ProviderState.DOWN -> down.computeIfAbsent(s.providerId(),
                    id -> {
                        ReportFacts.Outage outage = new ReportFacts.Outage(id, s.atSeconds(),
                                s.cause() != null ? s.cause() : s.message(),
                                s.causeChain() == null ? List.of() : List.copyOf(s.causeChain()));
                        facts.outages.add(outage);
                        return outage;
                    });
            case ProviderStatusChanged s -> {
                ReportFacts.Outage ended = down.remove(s.providerId());
                if (ended != null) {
                    ended.untilSeconds = s.atSeconds();
                }
            }
            case CitizenCheckedIn in -> {
                facts.checkIns.merge(in.nspId(), 1, Integer::sum);
                Picture.Nsp nsp = picture.nsps.get(in.nspId());
                if (nsp != null) {
                    facts.peakOccupancy.merge(in.nspId(), nsp.occupancy, Math::max);
                }
            }
            case HouseholdUnserved u -> facts.unservedByPlace.merge(u.placeId() == null ? "" : u.placeId(), 1,
                    Integer::sum);
            case null, default -> {
            }
        }
    }

    private static ReportFacts.Sample sample(Picture picture, long at) {
        Map<String, Integer> byState = new TreeMap<>();
        picture.providers.values().forEach(p -> byState.merge(p.state, 1, Integer::sum));
        int occupancy = picture.nsps.values().stream().mapToInt(n -> n.occupancy).sum();
        int waiting = (int) picture.helpRequests.values().stream().filter(Picture::waiting).count();
        return new ReportFacts.Sample(at, occupancy, waiting, byState);
    }
}
