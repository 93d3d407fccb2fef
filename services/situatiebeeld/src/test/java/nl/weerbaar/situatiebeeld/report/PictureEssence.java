package nl.weerbaar.situatiebeeld.report;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import nl.weerbaar.burgerhulp.BurgerhulpApplication;
import nl.weerbaar.kit.test.CompanionServices;
import nl.weerbaar.kit.test.TimelineDriver;
import nl.weerbaar.noodsteunpunt.NoodsteunpuntApplication;
import nl.weerbaar.outagetimeline.OutageTimelineApplication;
import nl.weerbaar.situatiebeeld.log.PictureLog;
import nl.weerbaar.situatiebeeld.picture.Picture;
import nl.weerbaar.vitalstatus.VitalStatusApplication;

/**
 * What the crisis team sees of an exercise, without what names the exercise, counts its log or is derived from its
 * id: two exercises that went alike (a replay, an import, a branch before its moment) have equal essences.
 */
final class PictureEssence {

    private PictureEssence() {
    }

    static Map<String, Object> of(Picture p) {
        Map<String, Object> e = new TreeMap<>();
        e.put("clock", p.clockSeconds);
        e.put("scenario", p.scenarioId);
        e.put("providers", p.providers.values().stream().collect(Collectors.toMap(pr -> pr.id,
                pr -> List.of(pr.state, pr.sinceSeconds, String.valueOf(pr.backupHours), String.valueOf(pr.cause)),
                (a, b) -> a, TreeMap::new)));
        e.put("nsps", p.nsps.values().stream().collect(Collectors.toMap(n -> n.id,
                n -> List.of(n.state, n.occupancy, String.valueOf(n.waterLitres), String.valueOf(n.foodRations)),
                (a, b) -> a, TreeMap::new)));
        e.put("help", p.helpRequests.values().stream().map(r -> r.openedAtSeconds + " " + r.need + " " + r.placeId
                + " " + r.status + " " + r.matchedAtSeconds).sorted().toList());
        e.put("unserved", p.householdsUnserved);
        e.put("volunteers", p.volunteers);
        e.put("phones", p.reachability + " " + p.phonesExcept);
        e.put("decisions", p.decisions.stream().map(d -> d.atSeconds() + " " + d.kind() + " " + d.text()).toList());
        e.put("alerts", p.alerts.stream().map(a -> a.atSeconds() + " " + a.kind() + " " + a.severity() + " "
                + a.message() + " " + a.count() + " " + a.resolvedAtSeconds()).sorted().toList());
        e.put("verdicts", p.getExpectations().stream().map(v -> v.id() + " " + v.verdict() + " "
                + v.startedAtSeconds() + " " + v.evidenceAtSeconds()).toList());
        e.put("sectors", p.sectors.stream().map(s -> s.id + " " + s.cells).toList());
        return e;
    }

    /** The four services upstream of the picture, on the test's broker; the timeline to drive them. */
    static TimelineDriver fourServices(String brokers) {
        TimelineDriver timeline = TimelineDriver.start(OutageTimelineApplication.class, brokers);
        CompanionServices.start(VitalStatusApplication.class, "vital-status", brokers);
        CompanionServices.start(NoodsteunpuntApplication.class, "noodsteunpunt", brokers);
        CompanionServices.start(BurgerhulpApplication.class, "burgerhulp", brokers);
        return timeline;
    }

    /** Until the services downstream have worked through everything: nothing new in the log for a while. */
    static void quiet(PictureLog log, String exerciseId) {
        AtomicLong seen = new AtomicLong(-1);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    long now = log.lastSeq(exerciseId);
                    return seen.getAndSet(now) == now;
                });
    }
}
