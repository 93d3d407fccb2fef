package nl.weerbaar.vitalstatus.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.scenario.Backup;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.StatusEffect;
import nl.weerbaar.contracts.vital.ProviderState;
import org.junit.jupiter.api.Test;

/** The cascade rules on a small world, without a broker: one class, its decisions. */
class CascadeModelTest {

    // no id means anything by itself: the provider "alarm" is 112 by its role
    private static final CascadeModel.Rules RULES = new CascadeModel.Rules(2, Set.of());

    private static Provider provider(String id, List<String> places, List<String> all, List<String> any,
                                     String kind, double hours) {
        return new Provider(id, id, "s", places, List.of(), all, any, new Backup(kind, hours, true), false, null,
                "alarm".equals(id) ? Provider.EMERGENCY_NUMBER : null);
    }

    private static StatusEffect effect(String effect, String providerId, List<String> places, Double hours) {
        return new StatusEffect(effect, providerId, null, hours, null, places, null);
    }

    @Test
    void aDependencyCycleIsRefusedWhenProvidersAreRegistered() {
        CascadeModel model = new CascadeModel("x", 0);
        assertThatThrownBy(() -> model.register(List.of(provider("a", null, List.of("b"), null, "none", 0),
                provider("b", null, List.of("a"), null, "none", 0)), 0, RULES))
                .hasMessageContaining("a -> b -> a");
    }

    @Test
    void oneOfRedundantDependenciesIsEnoughAndBatteriesRunOutOnScenarioTime() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("grid", List.of("p"), null, null, "none", 0),
                provider("mobile", List.of("p"), List.of("grid"), null, "battery", 3),
                provider("fixed", List.of("p"), List.of("grid"), null, "none", 0),
                provider("alarm", List.of("p"), null, List.of("mobile", "fixed"), "none", 0)), 0, RULES);
        List<Outcome> atOutage = model.applyInject("out", effect("down", "grid", null, null), 0, RULES);
        assertThat(changes(atOutage)).containsExactly("grid=down", "mobile=on-backup", "fixed=down");
        assertThat(model.advanceTo(3 * 3600 - 1, RULES)).singleElement()
                .isEqualTo(new Outcome.Alert("backup-low", "mobile", "severe", 2.0, 3600));
        List<Outcome> empty = model.advanceTo(4 * 3600, RULES);
        assertThat(changes(empty)).containsExactly("mobile=down", "alarm=down");
        assertThat(empty).filteredOn(o -> o instanceof Outcome.Alert)
                .extracting(o -> ((Outcome.Alert) o).kind() + "@" + o.atSeconds())
                .containsExactly("emergency-number-down@10800");
    }

    @Test
    void partialRestorationFeedsOnlyProvidersWhosePlacesAreLitAgain() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("grid", List.of("a", "b"), null, null, "none", 0),
                provider("in-a", List.of("a"), List.of("grid"), null, "none", 0),
                provider("in-a-and-b", List.of("a", "b"), List.of("grid"), null, "none", 0),
                provider("regional", null, List.of("grid"), null, "none", 0)), 0, RULES);
        model.applyInject("out", effect("down", "grid", null, null), 0, RULES);
        List<Outcome> stage = model.applyInject("stage", effect("restored", "grid", List.of("a"), null), 100, RULES);
        assertThat(changes(stage)).containsExactly("grid=degraded", "in-a=restored");
        List<Outcome> all = model.applyInject("all", effect("restored", "grid", List.of("b"), null), 200, RULES);
        assertThat(changes(all)).containsExactly("grid=restored", "in-a-and-b=restored", "regional=restored");
    }

    @Test
    void everyRestorationStageIsPublishedEvenWhenTheStateStaysDegraded() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("grid", List.of("a", "b", "c"), null, null, "none", 0),
                provider("in-b", List.of("b"), List.of("grid"), null, "none", 0)), 0, RULES);
        model.applyInject("out", effect("down", "grid", null, null), 0, RULES);
        model.applyInject("stage-3", effect("restored", "grid", List.of("a"), null), 100, RULES);
        // stage 2 lights b: the grid stays degraded, but with fewer dark places — downstream must hear of it
        List<Outcome> stage2 = model.applyInject("stage-2", effect("restored", "grid", List.of("b"), null), 200,
                RULES);
        assertThat(changes(stage2)).containsExactly("grid=degraded", "in-b=restored");
        assertThat(stage2.getFirst()).isInstanceOfSatisfying(Outcome.StatusChange.class,
                change -> assertThat(change.affectedPlaces()).containsExactly("c"));
        // an effect that changes neither state nor places says nothing
        assertThat(changes(model.applyInject("again", effect("restored", "grid", List.of("b"), null), 300, RULES)))
                .isEmpty();
    }

    @Test
    void aBrokenDownProviderRaisesNoBackupAlarmsAndRunsOnWhatIsLeftOnceRepaired() {
        CascadeModel model = hospitalOnItsGeneratorAfterTheOutage();
        assertThat(changes(model.applyInject("broken", effect("down", "hospital", null, null), 3600, RULES)))
                .containsExactly("hospital=down");
        // down is down: the generator is not being used, so no backup-low at T+4 and no run-out at T+6
        assertThat(model.advanceTo(10 * 3600, RULES)).isEmpty();
        // repaired while the grid is still out: on the five hours its generator had left
        List<Outcome> repaired = model.applyInject("fixed", effect("restored", "hospital", null, null), 10 * 3600,
                RULES);
        assertThat(changes(repaired)).containsExactly("hospital=on-backup");
        assertThat(((Outcome.StatusChange) repaired.getFirst()).backupLeftHours()).isEqualTo(5.0);
    }

    @Test
    void aFailedGeneratorEndsTheBackupNowNotWhenItWouldHaveRunDry() {
        CascadeModel model = hospitalOnItsGeneratorAfterTheOutage();
        List<Outcome> failed = model.applyInject("generator", effect("backup-failed", "hospital", null, null), 3600,
                RULES);
        assertThat(changes(failed)).containsExactly("hospital=down");
        assertThat(((Outcome.StatusChange) failed.getFirst()).chain().getLast().reason()).isEqualTo("backup-failed");
        assertThat(model.advanceTo(10 * 3600, RULES)).as("no backup-low, no second down").isEmpty();
    }

    @Test
    void aRefuelTopsUpTheBackupAndAPostedStatusIsNeverOverwritten() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("grid", null, null, null, "none", 0),
                provider("hospital", null, List.of("grid"), null, "generator", 3)), 0, RULES);
        model.applyInject("out", effect("down", "grid", null, null), 0, RULES);
        List<Outcome> refuel = model.applyInject("fuel", effect("refuel", "hospital", null, 2.0), 3600, RULES);
        assertThat(refuel).filteredOn(o -> o instanceof Outcome.StatusChange).singleElement().satisfies(o ->
                assertThat(((Outcome.StatusChange) o).backupLeftHours()).isEqualTo(4.0));
        model.applyPosted("hospital", ProviderState.DEGRADED, List.of(), 7200, RULES);
        // the generator runs dry at T+5:00, but the hospital's own word stands until it releases it
        assertThat(changes(model.advanceTo(6 * 3600, RULES))).isEmpty();
        assertThat(changes(model.release("hospital", 6 * 3600, RULES))).containsExactly("hospital=down");
    }

    @Test
    void aPartialOutageHitsOnlyItsPlacesAndShareOfHouseholds() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("water", List.of("a", "b", "c"), null, null, "none", 0),
                provider("pump-b", List.of("b"), List.of("water"), null, "none", 0),
                provider("pump-c", List.of("c"), List.of("water"), null, "none", 0)), 0, RULES);
        // high-rise buildings in b lose water pressure: 12 % of b's households, and what depends on it in b
        List<Outcome> partial = model.applyInject("pressure", new StatusEffect("degraded", "water", null, null, null,
                List.of("b"), 0.12), 600, RULES);
        assertThat(changes(partial)).containsExactly("water=degraded", "pump-b=down");
        assertThat((Outcome.StatusChange) partial.getFirst()).satisfies(c -> {
            assertThat(c.affectedPlaces()).containsExactly("b");
            assertThat(c.affectedShare()).isEqualTo(0.12);
        });
        List<Outcome> back = model.applyInject("fixed", effect("restored", "water", List.of("b"), null), 3600, RULES);
        assertThat(changes(back)).containsExactly("water=restored", "pump-b=restored");
        assertThat(((Outcome.StatusChange) back.getFirst()).affectedShare()).isNull();
    }

    @Test
    void alertsAreResolvedWhenTheirConditionEnds() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("grid", List.of("p"), null, null, "none", 0),
                provider("hospital", List.of("p"), List.of("grid"), null, "generator", 3),
                provider("alarm", List.of("p"), List.of("grid"), null, "none", 0)), 0, RULES);
        assertThat(alerts(model.applyInject("out", effect("down", "grid", null, null), 0, RULES)))
                .containsExactly("raised emergency-number-down-alarm-0");
        assertThat(alerts(model.advanceTo(3600, RULES))).containsExactly("raised backup-low-hospital-3600");
        // refuelled above the threshold: that alert ends; it runs low again later, as a new alert
        assertThat(alerts(model.applyInject("fuel", effect("refuel", "hospital", null, 2.0), 5400, RULES)))
                .containsExactly("resolved backup-low-hospital-3600 refuelled");
        assertThat(alerts(model.advanceTo(3 * 3600, RULES))).containsExactly("raised backup-low-hospital-10800");
        // power back: the backup is no longer needed and 112 works again
        assertThat(alerts(model.applyInject("back", effect("restored", "grid", null, null), 12600, RULES)))
                .containsExactly("resolved backup-low-hospital-10800 power-restored",
                        "resolved emergency-number-down-alarm-0 working-again");
        assertThat(model.providers.values()).allSatisfy(p -> assertThat(p.openAlerts).isEmpty());
    }

    private static List<String> alerts(List<Outcome> outcomes) {
        return outcomes.stream().<String>mapMulti((o, out) -> {
            if (o instanceof Outcome.Alert a) {
                out.accept("raised " + a.alertId());
            } else if (o instanceof Outcome.AlertResolved r) {
                out.accept("resolved " + r.alertId() + " " + r.reason());
            }
        }).toList();
    }

    /** A grid down at T+0 and a hospital that depends on it, on six hours of generator. */
    private static CascadeModel hospitalOnItsGeneratorAfterTheOutage() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("grid", null, null, null, "none", 0),
                provider("hospital", null, List.of("grid"), null, "generator", 6)), 0, RULES);
        model.applyInject("out", effect("down", "grid", null, null), 0, RULES);
        return model;
    }

    private static Decision decision(DecisionKind kind, String providerId, Integer deliveryMinutes, Double hours,
                                     long at) {
        return new Decision("x", "besluit-" + kind.wire(), kind, null, providerId, null, null, hours,
                deliveryMinutes, null, null, "waarom", "crisisteam", at);
    }

    /** A hospital on a 6 h generator, a care home without one: the grid fails at T+0. */
    private static CascadeModel hospitalAndCareHome() {
        CascadeModel model = new CascadeModel("x", 0);
        model.register(List.of(provider("grid", List.of("p"), null, null, "none", 0),
                provider("hospital", List.of("p"), List.of("grid"), null, "generator", 6),
                provider("care-home", List.of("p"), List.of("grid"), null, "none", 0)), 0, RULES);
        model.applyInject("out", effect("down", "grid", null, null), 0, RULES);
        return model;
    }

    @Test
    void withFuelPriorityTheHospitalIsToppedUpBeforeItsGeneratorRunsLowAndNeverGoesDown() {
        CascadeModel without = hospitalAndCareHome();
        List<Outcome> left = without.advanceTo(7 * 3600, RULES);
        assertThat(left).filteredOn(o -> o instanceof Outcome.Alert).extracting(Outcome::atSeconds)
                .containsExactly(4 * 3600L); // 2 h left
        assertThat(changes(left)).containsExactly("hospital=down");

        CascadeModel with = hospitalAndCareHome();
        assertThat(with.applyDecision(decision(DecisionKind.FUEL_PRIORITY, "hospital", null, null, 3600),
                3600, RULES)).isEmpty(); // nothing to do yet: 5 h left
        List<Outcome> day = with.advanceTo(24 * 3600, RULES);
        assertThat(day).noneMatch(o -> o instanceof Outcome.Alert);
        // topped up each time it would have had 2 h left: at T+4, T+10, T+16, T+22
        assertThat(day).filteredOn(o -> o instanceof Outcome.StatusChange).extracting(o -> o.atSeconds() / 3600)
                .containsExactly(4L, 10L, 16L, 22L);
        assertThat(day).allSatisfy(o -> {
            Outcome.StatusChange c = (Outcome.StatusChange) o;
            assertThat(c.state()).isEqualTo(ProviderState.ON_BACKUP);
            assertThat(c.chain().getLast().reason()).isEqualTo("refuelled");
            assertThat(c.injectId()).isEqualTo("besluit-fuel-priority");
        });
    }

    @Test
    void priorityGivenWhenTheBackupIsAlreadyLowRefuelsAtOnceAndEndsTheAlert() {
        CascadeModel model = hospitalAndCareHome();
        model.advanceTo(5 * 3600, RULES); // backup-low at T+4
        List<Outcome> now = model.applyDecision(decision(DecisionKind.FUEL_PRIORITY, "hospital", null, null,
                5 * 3600), 5 * 3600, RULES);
        assertThat(now).filteredOn(o -> o instanceof Outcome.AlertResolved).singleElement()
                .satisfies(o -> assertThat(((Outcome.AlertResolved) o).reason()).isEqualTo("refuelled"));
        assertThat(((Outcome.StatusChange) now.getFirst()).backupLeftHours()).isEqualTo(7.0);
    }

    @Test
    void aMobileGeneratorBringsACareHomeWithoutBackupBackAfterItsDeliveryTimeUntilItsFuelIsGone() {
        CascadeModel model = hospitalAndCareHome();
        assertThat(model.providers.get("care-home").state).isEqualTo(ProviderState.DOWN);
        assertThat(model.applyDecision(decision(DecisionKind.MOBILE_GENERATOR, "care-home", 90, 8.0, 3600), 3600,
                RULES)).isEmpty();
        assertThat(model.advanceTo(3600 + 89 * 60, RULES)).isEmpty(); // on its way
        List<Outcome> arrived = model.advanceTo(3600 + 90 * 60, RULES);
        assertThat(changes(arrived)).containsExactly("care-home=on-backup");
        assertThat(((Outcome.StatusChange) arrived.getFirst()).chain().getLast().injectId())
                .isEqualTo("besluit-mobile-generator");
        assertThat(model.deliveries).isEmpty();
        List<Outcome> dry = model.advanceTo(12 * 3600, RULES);
        // the hospital's own 6 h run out at T+6; the care home's 8 h of delivered fuel at T+10:30
        assertThat(dry).filteredOn(o -> o instanceof Outcome.StatusChange).extracting(Outcome::atSeconds)
                .containsExactly(6 * 3600L, 3600 + 90 * 60 + 8 * 3600L);
        assertThat(changes(dry)).containsExactly("hospital=down", "care-home=down");
        // a decision about a provider the exercise does not have changes nothing
        assertThat(model.applyDecision(decision(DecisionKind.MOBILE_GENERATOR, "elsewhere", 0, 8.0, 12 * 3600),
                12 * 3600, RULES)).isEmpty();
        assertThat(model.deliveries).isEmpty();
    }

    private static List<String> changes(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o instanceof Outcome.StatusChange)
                .map(o -> ((Outcome.StatusChange) o).providerId() + "=" + ((Outcome.StatusChange) o).state().wire())
                .toList();
    }
}
