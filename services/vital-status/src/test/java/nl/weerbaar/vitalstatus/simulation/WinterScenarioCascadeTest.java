package nl.weerbaar.vitalstatus.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import nl.weerbaar.vitalstatus.VitalTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The third built-in scenario (a winter outage in Meierijstad, written with its own ids and roles), played by the
 * real outage-timeline: a partial outage, a care home without a generator, a generator that breaks down, masts per
 * part of the municipality coming back with their part of the grid.
 */
@WeerbaarIntegrationTest
class WinterScenarioCascadeTest extends VitalTestSupport {

    private static final long H = 3600;
    private static String exercise;

    @BeforeEach
    void playTheWinterScenarioOnce() throws Exception {
        if (exercise == null) {
            exercise = play("meierijstad-winterstoring", 1_000_000);
            awaitSimulationEnded(exercise);
        }
    }

    @Test
    void waterPressureFailsInTheHighRiseOfTwoPlacesOnly() {
        ProviderStatusChanged partial = statuses(exercise, "drinkwater-meierijstad").stream()
                .filter(s -> s.state() == ProviderState.DEGRADED).findFirst().orElseThrow();
        assertThat(partial.atSeconds()).isEqualTo(H);
        assertThat(partial.affectedPlaces()).containsExactly("veghel", "schijndel");
        assertThat(partial.affectedShare()).isEqualTo(0.12);
    }

    @Test
    void aCareHomeWithoutAGeneratorGoesDownAtOnceAndABrokenGeneratorEndsTheOtherAtTwentyHours() {
        assertThat(statuses(exercise, "zorgcentrum-schijndel")).first()
                .extracting(ProviderStatusChanged::state, ProviderStatusChanged::atSeconds)
                .containsExactly(ProviderState.DOWN, 0L);
        List<ProviderStatusChanged> veghel = statuses(exercise, "zorgcentrum-veghel");
        assertThat(veghel).extracting(ProviderStatusChanged::state, ProviderStatusChanged::atSeconds)
                .startsWith(tuple(ProviderState.ON_BACKUP, 0L), tuple(ProviderState.DOWN, 20 * H));
        assertThat(veghel.get(1).causeChain().getLast().reason()).isEqualTo("backup-failed");
        List<VitalAlertRaised> alerts = alerts(exercise);
        assertThat(alerts).filteredOn(a -> a.kind().equals(VitalAlertRaised.VULNERABLE_SITE_DOWN))
                .extracting(VitalAlertRaised::providerId, VitalAlertRaised::atSeconds)
                .containsExactly(tuple("zorgcentrum-schijndel", 0L), tuple("zorgcentrum-veghel", 20 * H));
        // its 24 h of fuel would have run low at T+22: broken down at T+20, it never warned of that
        assertThat(alerts).noneMatch(a -> a.providerId().equals("zorgcentrum-veghel")
                && a.kind().equals(VitalAlertRaised.BACKUP_LOW));
    }

    @Test
    void theMastsOfEachPartComeBackWithTheirPartOfTheGridAnd112WithTheFirst() {
        assertThat(restoredAt(exercise, "masten-zuid")).isEqualTo(30 * H);  // stage 3: Schijndel, Sint-Oedenrode
        assertThat(restoredAt(exercise, "masten-noord")).isEqualTo(46 * H); // stage 1: the last kernen of the north
        assertThat(restoredAt(exercise, "zorgcentrum-veghel")).isEqualTo(40 * H);
        ProviderStatusChanged down = statuses(exercise, "noodnummer").stream()
                .filter(s -> s.state() == ProviderState.DOWN).findFirst().orElseThrow();
        long lastMast = List.of("masten-noord", "masten-zuid", "vaste-lijnen").stream()
                .mapToLong(id -> statuses(exercise, id).stream().filter(s -> s.state() == ProviderState.DOWN)
                        .findFirst().orElseThrow().atSeconds()).max().orElseThrow();
        assertThat(down.atSeconds()).isEqualTo(lastMast);
        assertThat(restoredAt(exercise, "noodnummer")).isEqualTo(30 * H);
    }

    @Test
    void byTheEndEveryAlertHasEnded() {
        List<String> resolved = resolvedAlerts(exercise).stream().map(VitalAlertResolved::alertId).toList();
        assertThat(resolved).containsExactlyInAnyOrderElementsOf(alerts(exercise).stream().map(VitalAlertRaised::alertId)
                .toList());
    }
}
