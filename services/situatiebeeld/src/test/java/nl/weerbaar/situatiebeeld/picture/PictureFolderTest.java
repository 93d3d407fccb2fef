package nl.weerbaar.situatiebeeld.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.crisisteam.AlertAcknowledged;
import nl.weerbaar.contracts.exercise.InjectFired;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.NspStateChanged;
import nl.weerbaar.contracts.noodsteunpunt.OccupancyThresholdCrossed;
import nl.weerbaar.contracts.scenario.Inject;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.OutageStart;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.scenario.Weather;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.contracts.vital.VitalAlertResolved;
import nl.weerbaar.situatiebeeld.log.LogEntry;
import org.junit.jupiter.api.Test;

/** The picture folded from events: the outage table, providers, occupancy, help requests and alerts. */
class PictureFolderTest {

    private final List<LogEntry> log = new ArrayList<>();

    @Test
    void eachEventMovesThePartOfThePictureItConcerns() throws Exception {
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "Bernheze", 1, 21600,
                List.of(new Sector("telecom", Text.of("Telecom", "Telecom"))),
                List.of(new Provider("mobiel", "Mobiel", "telecom", List.of(), List.of(), List.of(), List.of(), null,
                        false, null, Provider.MOBILE_NETWORK)),
                List.of(new Place("heesch", "Heesch", 51.73, 5.53, 2000, 800, "5384", 1)),
                List.of(new NspSite("nsp-heesch", "NSP Heesch", "local", "heesch", "centrum", 51.73, 5.53, 40,
                        List.of(), null)), List.of(), null, new OutageStart("2027-01-14", "17:30"), new Weather(-6),
                        25000));
        add(9000, EventType.INJECT_FIRED, new InjectFired("oef-1", new Inject("gsm-uit", 9000, "telecom", "mobiel",
                "2-4h", Text.of("GSM valt uit", "GSM fails"), "extreme", null), "plan", null));
        add(9000, EventType.PROVIDER_STATUS_CHANGED, new ProviderStatusChanged("oef-1", "mobiel", "telecom",
                ProviderState.DOWN, ProviderState.ON_BACKUP, 0.0, List.of(), null, List.of(), null, null,
                StatusSource.SIMULATION, null, Text.of("batterij leeg", "battery empty"), List.of(), "gsm-uit", 9000));
        add(9100, EventType.CITIZEN_CHECKED_IN, new CitizenCheckedIn("oef-1", "nsp-heesch", "ci-1", 3, List.of(),
                false, null, null, "population", null, null, null, 9100));
        add(9200, EventType.CITIZEN_CHECKED_IN, new CitizenCheckedIn("oef-1", "nsp-heesch", "ci-2", 2, List.of(),
                false, null, null, "population", null, null, null, 9200));
        add(9300, EventType.CITIZEN_CHECKED_OUT, new CitizenCheckedOut("oef-1", "nsp-heesch", "ci-1", 3, "left",
                "population", null, 9300));
        add(9400, EventType.HELP_REQUEST_OPENED, new HelpRequestOpened("oef-1", "h-1", "first-aid", "immediate",
                11200, "heesch", "nsp-heesch", 51.73, 5.53, false, 1, null, "nsp", null, 9400));
        add(9400, EventType.HELP_REQUEST_OPENED, new HelpRequestOpened("oef-1", "h-2", "transport", "urgent",
                20000, "heesch", "nsp-heesch", 51.73, 5.53, true, 1, null, "nsp", null, 9400));
        // a volunteer's answer is a command, not what happened: the coordination's fact (or refusal) follows
        add(9500, EventType.OFFER_ANSWER_SUBMITTED, new OfferAnswered("oef-1", "h-2", "h-2-1-1", "v-2", "accepted",
                "v-2", 9500));
        add(10000, EventType.OFFER_ANSWERED, new OfferAnswered("oef-1", "h-1", "h-1-1-1", "v-1", "accepted", null,
                10000));
        add(10000, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated("oef-1", "h-2", "no-volunteer",
                Text.of("Niemand", "Nobody"), 10000));

        Picture now = PictureFolder.fold("oef-1", log);
        assertThat(now.sectors.getFirst().cells.get("2-4h")).singleElement()
                .satisfies(e -> assertThat(e.effect().nl()).isEqualTo("GSM valt uit"));
        assertThat(now.sectors.getFirst().cells.get("0-2h")).isEmpty();
        assertThat(now.providers.get("mobiel").state).isEqualTo("down");
        assertThat(now.providers.get("mobiel").sinceSeconds).isEqualTo(9000);
        assertThat(now.providers.get("mobiel").cause.nl()).isEqualTo("batterij leeg");
        assertThat(now.nsps.get("nsp-heesch").occupancy).isEqualTo(2);
        assertThat(now.helpRequests.get("h-1").minutesToMatch).isEqualTo(10);
        assertThat(now.helpRequests.get("h-2").minutesToMatch).isNull();
        assertThat(log.stream().filter(FeedItem::shown).map(LogEntry::type)).doesNotContain("offer-answer-submitted");
        assertThat(now.getHelpCounts()).containsEntry("matched", 1).containsEntry("escalated", 1);
        assertThat(now.getMedianMinutesToMatch()).isEqualTo(10);
        assertThat(now.alerts).extracting(Picture.Alert::kind).containsExactly("help-escalated");
        assertThat(now.getAlertTimes()).containsExactly(10000L);
        // an outage at 17:30 on a January evening: the picture tells the local time and the cold
        assertThat(now.clockSeconds).isEqualTo(9000);
        assertThat(now.getLocalTime()).isEqualTo("2027-01-14T20:00");
        assertThat(now.temperatureC).isEqualTo(-6.0);
        assertThat(now.regionInhabitants).isEqualTo(25000);
        assertThat(now.lastSeq).isEqualTo(log.size());

        Picture before = PictureFolder.fold("oef-1", log.stream().filter(e -> e.atSeconds() <= 9150).toList());
        assertThat(before.providers.get("mobiel").state).isEqualTo("down");
        assertThat(before.nsps.get("nsp-heesch").occupancy).isEqualTo(3);
        assertThat(before.helpRequests).isEmpty();
        assertThat(before.alerts).isEmpty();
    }

    @Test
    void thePageGetsTheRequestsStillBeingWorkedOnAndOnlyTheLatestClosedOnes() throws Exception {
        for (int i = 0; i < 100; i++) {
            add(i, EventType.HELP_REQUEST_OPENED, new HelpRequestOpened("oef-1", "h-" + i, "first-aid", "immediate",
                    i + 1800, "heesch", "nsp-heesch", 51.73, 5.53, false, 1, null, "nsp", null, i));
            if (i != 5) {
                add(i, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated("oef-1", "h-" + i, "no-volunteer",
                        Text.of("Niemand", "Nobody"), i));
            }
        }
        Picture picture = PictureFolder.fold("oef-1", log);
        assertThat(picture.getRecentHelpRequests()).hasSize(Picture.REQUESTS_SHOWN)
                .first().satisfies(r -> assertThat(r.id).isEqualTo("h-5"));
        assertThat(picture.getOpenAlerts()).hasSize(Picture.OPEN_SHOWN);
        assertThat(picture.getAlertCount()).isEqualTo(99);
        assertThat(EventJson.mapper().writeValueAsString(picture)).doesNotContain("\"helpRequests\"");
    }

    @Test
    void alertsOfOneKindAtTheSameMomentAreOneLineWithACount() throws Exception {
        for (int i = 0; i < 300; i++) { // a jump to T+48:00 escalates every request whose deadline it passed
            add(i, EventType.HELP_REQUEST_OPENED, new HelpRequestOpened("oef-1", "h-" + i, "first-aid", "immediate",
                    i + 1800, "heesch", "nsp-heesch", 51.73, 5.53, false, 1, null, "nsp", null, i));
            add(172800, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated("oef-1", "h-" + i,
                    "deadline-passed", Text.of("Niemand " + i, "Nobody " + i), 172800));
        }
        add(172860, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated("oef-1", "h-0", "no-volunteer",
                Text.of("Later", "Later"), 172860));

        Picture picture = PictureFolder.fold("oef-1", log);
        assertThat(picture.getOpenAlerts()).extracting(Picture.Alert::atSeconds, Picture.Alert::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(172860L, 1),
                        org.assertj.core.groups.Tuple.tuple(172800L, 300));
        assertThat(picture.getOpenAlerts().getLast().message().nl()).isEqualTo("Niemand 0");
        assertThat(picture.getAlertCount()).isEqualTo(301);
        assertThat(picture.getAlertTimes()).containsExactly(172800L, 172860L);
    }

    @Test
    void alertsEndWhenWhatTheyAreAboutEndsAndTheWorstStayOnTop() throws Exception {
        add(3600, EventType.VITAL_ALERT_RAISED, new VitalAlertRaised("oef-1", "backup-low-hospital-3600",
                VitalAlertRaised.BACKUP_LOW, "hospital", "extreme", Text.of("Noodstroom krap", "Backup low"), 2.0,
                3600));
        add(3700, EventType.OCCUPANCY_THRESHOLD_CROSSED, new OccupancyThresholdCrossed("oef-1", "nsp-heesch", 100,
                40, 40, Text.of("Vol", "Full"), 3700));
        for (int i = 0; i < 60; i++) { // many later alerts of a lower severity bury nothing
            add(4000 + i, EventType.HELP_REQUEST_ESCALATED, new HelpRequestEscalated("oef-1", "h-" + i,
                    "no-volunteer", Text.of("Niemand", "Nobody"), 4000 + i));
        }
        Picture during = PictureFolder.fold("oef-1", log);
        assertThat(during.getOpenAlerts()).hasSize(Picture.OPEN_SHOWN).first()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(VitalAlertRaised.BACKUP_LOW));
        assertThat(during.getOpenAlerts()).anyMatch(a -> a.kind().equals("nsp-full"));
        assertThat(during.getResolvedAlerts()).isEmpty();

        add(5400, EventType.VITAL_ALERT_RESOLVED, new VitalAlertResolved("oef-1", "backup-low-hospital-3600",
                VitalAlertRaised.BACKUP_LOW, "hospital", VitalAlertResolved.REFUELLED,
                Text.of("Bijgetankt", "Refuelled"), 5400));
        add(6000, EventType.NSP_STATE_CHANGED, new NspStateChanged("oef-1", "nsp-heesch", NspState.OPEN,
                NspState.FULL, "room", null, null, NspStateChanged.BY_POLICY, 6000));
        Picture after = PictureFolder.fold("oef-1", log);
        assertThat(after.getOpenAlerts()).noneMatch(a -> a.kind().equals(VitalAlertRaised.BACKUP_LOW)
                || a.kind().equals("nsp-full")).allMatch(a -> a.kind().equals("help-escalated"));
        assertThat(after.getResolvedAlerts()).extracting(Picture.Alert::kind, Picture.Alert::resolvedAtSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nsp-full", 6000L),
                        org.assertj.core.groups.Tuple.tuple(VitalAlertRaised.BACKUP_LOW, 5400L));
        assertThat(after.getResolvedAlerts().getFirst().resolution().nl()).endsWith(": weer plaats");
        assertThat(after.getOpenAlertCount()).isEqualTo(60);

        // the crisis team acknowledges the first escalation: once, by the first who did
        String escalation = after.getOpenAlerts().getFirst().id();
        add(6100, EventType.ALERT_ACKNOWLEDGED, new AlertAcknowledged("oef-1", escalation, "help-escalated",
                "crisisteam", 6100));
        add(6200, EventType.ALERT_ACKNOWLEDGED, new AlertAcknowledged("oef-1", escalation, "help-escalated",
                "iemand-anders", 6200));
        add(6300, EventType.ALERT_ACKNOWLEDGED, new AlertAcknowledged("oef-1", "alert-99999", "help-escalated",
                "crisisteam", 6300));
        Picture seen = PictureFolder.fold("oef-1", log);
        assertThat(seen.alert(escalation)).hasValueSatisfying(a -> {
            assertThat(a.acknowledgedBy()).isEqualTo("crisisteam");
            assertThat(a.acknowledgedAtSeconds()).isEqualTo(6100L);
            assertThat(a.resolvedAtSeconds()).isNull();
        });
        assertThat(seen.alerts).filteredOn(a -> a.acknowledgedBy() != null).hasSize(1);
    }

    @Test
    void thePhonesFailingPartByPartAreOneAlertAtATimeThatNamesThePlaces() throws Exception {
        add(0, EventType.SCENARIO_LOADED, new ScenarioLoaded("oef-1", "s", Text.of("S", "S"), "Meierijstad", 1,
                172800, List.of(), List.of(), List.of(
                new Place("veghel", "Veghel", 51.62, 5.55, 31000, 13000, "5461", 1),
                new Place("erp", "Erp", 51.60, 5.61, 5000, 2000, "5469", 1),
                new Place("schijndel", "Schijndel", 51.62, 5.43, 23000, 9500, "5481", 3)),
                List.of(), List.of(), null, null, null, 83000));
        add(5400, EventType.REACHABILITY_CHANGED, new ReachabilityChanged("oef-1", ReachabilityChanged.NSP_ONLY,
                "telecom-down", Text.of("Telefoon werkt alleen nog in 1 van de 3 plaatsen", "x"), 5400,
                List.of("schijndel")));
        Picture north = PictureFolder.fold("oef-1", log);
        assertThat(north.reachability).isEqualTo(ReachabilityChanged.NSP_ONLY);
        assertThat(north.phonesExcept).containsExactly("schijndel");
        assertThat(north.getOpenAlerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("volunteers-unreachable");
            assertThat(a.message().nl()).startsWith("Telefoon werkt alleen nog in Schijndel;");
            assertThat(a.message().en()).startsWith("Phones work only in Schijndel;");
        });

        add(12000, EventType.REACHABILITY_CHANGED, new ReachabilityChanged("oef-1", ReachabilityChanged.NSP_ONLY,
                "telecom-down", Text.of("Mobiel en vast netwerk zijn uit", "Mobile and fixed networks are down"),
                12000, List.of()));
        Picture nowhere = PictureFolder.fold("oef-1", log);
        assertThat(nowhere.getOpenAlerts()).singleElement().satisfies(a -> {
            assertThat(a.atSeconds()).isEqualTo(12000L);
            assertThat(a.message().nl()).isEqualTo("Mobiel en vast netwerk zijn uit");
        });
        assertThat(nowhere.getResolvedAlerts()).extracting(Picture.Alert::resolvedAtSeconds).containsExactly(12000L);

        add(108000, EventType.REACHABILITY_CHANGED, new ReachabilityChanged("oef-1", ReachabilityChanged.PHONE,
                "telecom-restored", Text.of("Telefoon werkt weer", "Phones work again"), 108000,
                List.of("veghel", "erp")));
        Picture south = PictureFolder.fold("oef-1", log);
        assertThat(south.getOpenAlerts()).singleElement().satisfies(a -> assertThat(a.message().nl())
                .startsWith("Telefoon werkt niet in Veghel en Erp:"));

        add(165600, EventType.REACHABILITY_CHANGED, new ReachabilityChanged("oef-1", ReachabilityChanged.PHONE,
                "telecom-restored", Text.of("Telefoon werkt weer", "Phones work again"), 165600, List.of()));
        Picture back = PictureFolder.fold("oef-1", log);
        assertThat(back.getOpenAlerts()).isEmpty();
        assertThat(back.phonesExcept).isEmpty();
        assertThat(back.getResolvedAlerts()).first().satisfies(a -> {
            assertThat(a.resolvedAtSeconds()).isEqualTo(165600L);
            assertThat(a.resolution().nl()).isEqualTo("Telefoon werkt weer");
        });
        assertThat(FeedItem.text("reachability-changed", id -> north.names.getOrDefault(id, id),
                EventJson.mapper().readTree(log.get(1).payload())).nl()).startsWith("Telefoon werkt alleen nog in "
                + "Schijndel;");
    }

    @Test
    void aDecisionPassedOnButNotTakenIsSaidUntilTheClockTakesItWhicheverCameInFirst() throws Exception {
        nl.weerbaar.contracts.crisisteam.Decision grip = new nl.weerbaar.contracts.crisisteam.Decision("oef-1",
                "besluit-1", nl.weerbaar.contracts.crisisteam.DecisionKind.GRIP, null, null, null, 2, null, null, null,
                null, "Opschalen.", "crisis", 600);
        add(600, EventType.DECISION_SUBMITTED, grip);
        assertThat(PictureFolder.fold("oef-1", log).submitted).containsOnlyKeys("besluit-1");
        add(600, EventType.DECISION_TAKEN, grip);
        Picture taken = PictureFolder.fold("oef-1", log);
        assertThat(taken.submitted).isEmpty();
        assertThat(taken.decisions).extracting(Picture.DecisionItem::id).containsExactly("besluit-1");
        // the taken one came in first (another topic): the submission that follows adds nothing
        assertThat(PictureFolder.fold("oef-1", log.reversed()).submitted).isEmpty();
    }

    private void add(long at, EventType type, Object payload) throws Exception {
        log.add(new LogEntry("e-" + log.size(), "oef-1", log.size() + 1, type.topic(), type.shortName(), null, at,
                EventJson.mapper().writeValueAsString(payload)));
    }
}
