package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.burgerhulp.matching.Phones;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.CommandRefused;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestEscalated;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.burgerhulp.ReachabilityChanged;
import nl.weerbaar.contracts.burgerhulp.VolunteerPresenceChanged;
import nl.weerbaar.contracts.scenario.Volunteer;
import nl.weerbaar.kit.model.Emitted;
import org.junit.jupiter.api.Test;

/** The coordination model on its own: offers, answers, re-offers, escalation, reachability, synthetic answers. */
class CoordinationModelTest {

    private static final CoordinationRules ONE_AT_A_TIME = new CoordinationRules(1, 3, 10, 30, 30, 0.4, 3, 60);
    private static final long T10 = 36000;

    private final List<Object> published = new ArrayList<>();

    private static Volunteer volunteer(String id, double lat, double lon, List<String> skills, double accept) {
        return new Volunteer(id, "heesch", lat, lon, skills, 2, accept, false, 5);
    }

    private static HelpRequestOpened firstAid(String id, long deadlineMinutes) {
        return new HelpRequestOpened("oef-1", id, "first-aid", "urgent", T10 + deadlineMinutes * 60, "heesch",
                "nsp-heesch", 51.7322, 5.5266, false, 2, null, HelpRequestOpened.FROM_NSP, null, T10);
    }

    private CoordinationModel withVolunteers(CoordinationRules rules, boolean synthetic, Volunteer... pool) {
        CoordinationModel model = new CoordinationModel("oef-1");
        for (Volunteer v : pool) {
            collect(model.volunteer(v, synthetic, 0, rules));
        }
        return model;
    }

    @Test
    void aRequestIsOfferedToTheRightVolunteersAndTheFirstToAcceptGetsIt() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, false,
                volunteer("v-near", 51.7330, 5.5270, List.of("first-aid"), 1),
                volunteer("v-further", 51.7400, 5.5350, List.of("first-aid", "cpr-aed"), 1),
                volunteer("v-driver", 51.7323, 5.5267, List.of("transport-car"), 1));
        collect(model.open(firstAid("help-1", 60), false, CoordinationRules.DEFAULT));
        assertThat(published(HelpOffered.class)).extracting(HelpOffered::volunteerId, HelpOffered::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v-near", 1),
                        org.assertj.core.groups.Tuple.tuple("v-further", 2));

        HelpOffered offer = published(HelpOffered.class).get(1);
        collect(model.answered(answer(offer, OfferAnswered.ACCEPTED, T10 + 120), "cmd-1", CoordinationRules.DEFAULT));
        assertThat(model.requests.get("help-1").assignee).isEqualTo("v-further");
        assertThat(published(OfferAnswered.class)).extracting(OfferAnswered::volunteerId, OfferAnswered::answer,
                OfferAnswered::by).containsExactly(
                org.assertj.core.groups.Tuple.tuple("v-further", OfferAnswered.ACCEPTED, "Vera"),
                org.assertj.core.groups.Tuple.tuple("v-near", OfferAnswered.EXPIRED, null));
        assertThat(model.volunteers.get("v-further").active).isEqualTo(1);
    }

    @Test
    void aDeclineAndAnExpiryLeadToTheNextVolunteer() {
        CoordinationModel model = withVolunteers(ONE_AT_A_TIME, false,
                volunteer("v-a", 51.7325, 5.5268, List.of("first-aid"), 1),
                volunteer("v-b", 51.7340, 5.5280, List.of("first-aid"), 1),
                volunteer("v-c", 51.7360, 5.5300, List.of("first-aid"), 1));
        collect(model.open(firstAid("help-2", 120), false, ONE_AT_A_TIME));
        collect(model.answered(answer(published(HelpOffered.class).getLast(), OfferAnswered.DECLINED, T10 + 60),
                "cmd-2", ONE_AT_A_TIME));
        // v-b does not answer: the urgent offer stands ten minutes
        collect(model.advanceTo(T10 + 60 + 600, ONE_AT_A_TIME));
        assertThat(published(HelpOffered.class)).extracting(HelpOffered::volunteerId, HelpOffered::round)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v-a", 1),
                        org.assertj.core.groups.Tuple.tuple("v-b", 2),
                        org.assertj.core.groups.Tuple.tuple("v-c", 3));
        assertThat(published(OfferAnswered.class)).extracting(OfferAnswered::volunteerId, OfferAnswered::answer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v-a", OfferAnswered.DECLINED),
                        org.assertj.core.groups.Tuple.tuple("v-b", OfferAnswered.EXPIRED));
        assertThat(published(HelpOffered.class).get(2).atSeconds()).isEqualTo(T10 + 60 + 600);
    }

    @Test
    void whenNobodyCanHelpOrNobodyAcceptsBeforeTheDeadlineTheCrisisTeamIsCalledIn() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, false,
                volunteer("v-driver", 51.7330, 5.5270, List.of("transport-car"), 1));
        collect(model.nspRegistered("nsp-heesch", "Noodsteunpunt Heesch", 51.7322, 5.5266));
        collect(model.open(firstAid("help-3", 30), false, CoordinationRules.DEFAULT));
        assertThat(published(HelpRequestEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("no-volunteer");
            assertThat(e.message().nl()).isEqualTo("Geen burgerhulpverlener beschikbaar voor eerste hulp bij "
                    + "Noodsteunpunt Heesch vóór T+10:30.");
            assertThat(e.message().en()).isEqualTo("No volunteer available for first aid at Noodsteunpunt Heesch "
                    + "before T+10:30.");
        });

        CoordinationModel waiting = withVolunteers(CoordinationRules.DEFAULT, false,
                volunteer("v-silent", 51.7330, 5.5270, List.of("first-aid"), 1));
        published.clear();
        collect(waiting.open(firstAid("help-4", 8), false, CoordinationRules.DEFAULT));
        collect(waiting.advanceTo(T10 + 3600, CoordinationRules.DEFAULT));
        assertThat(published(HelpRequestEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("deadline-passed");
            assertThat(e.atSeconds()).isEqualTo(T10 + 8 * 60);
            assertThat(e.message().nl()).contains("T+10:08");
        });
    }

    @Test
    void withoutPhonesOnlyVolunteersPresentAtTheNspAreAskedThere() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, false,
                volunteer("v-home", 51.7330, 5.5270, List.of("first-aid"), 1),
                volunteer("v-at-nsp", 51.7600, 5.5600, List.of("first-aid"), 1));
        collect(model.presence("v-at-nsp", "nsp-heesch", true, 0, CoordinationRules.DEFAULT));
        collect(model.advanceTo(9000, CoordinationRules.DEFAULT));
        collect(model.reachability(false, "telecom-down", model.now, CoordinationRules.DEFAULT));
        collect(model.open(firstAid("help-5", 60), false, CoordinationRules.DEFAULT));
        assertThat(published(ReachabilityChanged.class)).singleElement()
                .satisfies(r -> assertThat(r.mode()).isEqualTo(ReachabilityChanged.NSP_ONLY));
        assertThat(published(HelpOffered.class)).singleElement().satisfies(o -> {
            assertThat(o.volunteerId()).isEqualTo("v-at-nsp");
            assertThat(o.channel()).isEqualTo(HelpOffered.AT_NSP);
        });
    }

    @Test
    void whenThePhonesFailPartOfThePoolGoesToTheNearestOpenNspWithinReachAndHomeWhenTheyWork() {
        CoordinationRules rules = CoordinationRules.DEFAULT;
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // half live within a kilometre of Heesch, half 20 km away
            double north = i % 2 == 0 ? 0.005 : 0.18;
            pool.add(volunteer("v-" + i, 51.7322 + north, 5.5266, List.of("first-aid"), 1));
        }
        CoordinationModel model = withVolunteers(rules, true, pool.toArray(Volunteer[]::new));
        collect(model.volunteer(volunteer("v-real", 51.7330, 5.5270, List.of("first-aid"), 1), false, 0, rules));
        collect(model.nspRegistered("nsp-heesch", null, 51.7322, 5.5266));
        collect(model.nspRegistered("nsp-nistelrode", null, 51.7030, 5.5600));
        collect(model.nspInUse("nsp-heesch", true, rules));
        assertThat(published(VolunteerPresenceChanged.class)).isEmpty();

        collect(model.reachability(false, "telecom-down", model.now, rules));
        List<VolunteerPresenceChanged> in = published(VolunteerPresenceChanged.class);
        // about the configured share of those nearby, none from far away, never the real volunteer
        assertThat(in).hasSizeBetween(25, 55).allSatisfy(p -> {
            assertThat(p.present()).isTrue();
            assertThat(p.nspId()).isEqualTo("nsp-heesch");
            assertThat(Integer.parseInt(p.volunteerId().substring(2)) % 2).isZero();
        });

        // an NSP that opens later while the phones are down draws nobody new from Heesch's side: they decided
        collect(model.nspInUse("nsp-nistelrode", true, rules));
        assertThat(published(VolunteerPresenceChanged.class)).hasSameSizeAs(in);

        collect(model.reachability(true, "telecom-restored", model.now, rules));
        List<VolunteerPresenceChanged> all = published(VolunteerPresenceChanged.class);
        assertThat(all.subList(in.size(), all.size())).hasSameSizeAs(in)
                .allSatisfy(p -> assertThat(p.present()).isFalse());
        assertThat(model.volunteers.values()).allSatisfy(v -> assertThat(v.presentAt).isNull());

        // the same exercise decides the same
        published.clear();
        CoordinationModel again = withVolunteers(rules, true, pool.toArray(Volunteer[]::new));
        collect(again.nspRegistered("nsp-heesch", null, 51.7322, 5.5266));
        collect(again.nspInUse("nsp-heesch", true, rules));
        collect(again.reachability(false, "telecom-down", again.now, rules));
        assertThat(published(VolunteerPresenceChanged.class)).isEqualTo(in);
    }

    @Test
    void aVolunteerWhoCannotDoItAfterAllPutsTheRequestBackForTheOthers() {
        CoordinationModel model = withVolunteers(ONE_AT_A_TIME, false,
                volunteer("v-a", 51.7325, 5.5268, List.of("first-aid"), 1),
                volunteer("v-b", 51.7340, 5.5280, List.of("first-aid"), 1));
        collect(model.open(firstAid("help-7", 120), false, ONE_AT_A_TIME));
        collect(model.answered(answer(published(HelpOffered.class).getLast(), OfferAnswered.ACCEPTED, T10 + 60),
                "cmd-3", ONE_AT_A_TIME));
        assertThat(model.requests.get("help-7").status).isEqualTo(RequestState.ACCEPTED);
        collect(model.progressed(progress("help-7", "v-a", RequestState.EN_ROUTE, T10 + 120), "cmd-4",
                ONE_AT_A_TIME));
        collect(model.progressed(progress("help-7", "v-a", RequestState.FAILED, T10 + 600), "cmd-5",
                ONE_AT_A_TIME));
        RequestState request = model.requests.get("help-7");
        assertThat(request.status).isEqualTo(RequestState.OPEN);
        assertThat(request.assignee).isNull();
        assertThat(model.volunteers.get("v-a").active).isZero();
        assertThat(published(HelpOffered.class)).extracting(HelpOffered::volunteerId).containsExactly("v-a", "v-b");
        assertThat(published(HelpOffered.class).getLast().atSeconds()).isEqualTo(T10 + 600);
    }

    @Test
    void volunteersOfThePoolAnswerAsTheirBehaviourSaysAndTheSameRunAnswersTheSame() {
        List<Object> first = simulatedRun();
        published.clear();
        assertThat(simulatedRun()).isEqualTo(first);
        List<AssignmentProgressed> progress = first.stream().filter(AssignmentProgressed.class::isInstance)
                .map(AssignmentProgressed.class::cast).toList();
        assertThat(progress).extracting(AssignmentProgressed::status).containsExactly("en-route", "completed");
    }

    @Test
    void aRequestThatComesInAfterAJumpIsPlayedFromWhenItWasAskedNotEscalatedAtTheEndOfTheJump() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, true,
                new Volunteer("v-pool", "heesch", 51.7330, 5.5270, List.of("first-aid"), 1, 1.0, false, 4));
        collect(model.advanceTo(T10 + 24 * 3600, CoordinationRules.DEFAULT)); // the trainer jumped a day ahead
        collect(model.open(firstAid("help-late", 30), false, CoordinationRules.DEFAULT)); // asked at T+10:00

        assertThat(published(HelpRequestEscalated.class)).isEmpty();
        assertThat(published(HelpOffered.class)).singleElement()
                .satisfies(o -> assertThat(o.atSeconds()).isEqualTo(T10));
        assertThat(published(OfferAnswered.class)).singleElement().satisfies(a -> {
            assertThat(a.answer()).isEqualTo(OfferAnswered.ACCEPTED);
            assertThat(a.atSeconds()).isBetween(T10 + 60, T10 + 30 * 60);
        });
        assertThat(published(AssignmentProgressed.class)).extracting(AssignmentProgressed::status)
                .containsExactly(RequestState.EN_ROUTE, RequestState.COMPLETED);
        assertThat(published(AssignmentProgressed.class).getLast().atSeconds()).isLessThan(T10 + 24 * 3600);
        assertThat(model.now).isEqualTo(T10 + 24 * 3600);
        assertThat(model.volunteers.get("v-pool").active).isZero();
        assertThat(model.volunteers.get("v-pool").completed).isEqualTo(1);

        // with nobody to take it, it is escalated at its deadline, not at the end of the jump
        collect(model.open(new HelpRequestOpened("oef-1", "help-car", "transport", "urgent", T10 + 3600, "heesch",
                "nsp-heesch", 51.7322, 5.5266, false, 1, null, HelpRequestOpened.FROM_NSP, null, T10),
                false, CoordinationRules.DEFAULT));
        assertThat(published(HelpRequestEscalated.class)).singleElement()
                .satisfies(e -> assertThat(e.atSeconds()).isEqualTo(T10));
    }

    @Test
    void aRequestPlayedFromAnEarlierTimeSeesThePhonesAsTheyWereThen() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, true,
                new Volunteer("v-pool", "heesch", 51.7330, 5.5270, List.of("first-aid"), 1, 1.0, false, 4));
        collect(model.advanceTo(T10 + 24 * 3600, CoordinationRules.DEFAULT));
        // the phones failed at T+12:00; vital-status's word of it came after the jump
        collect(model.reachability(false, "telecom-down", T10 + 2 * 3600, CoordinationRules.DEFAULT));
        assertThat(published(ReachabilityChanged.class)).singleElement()
                .satisfies(r -> assertThat(r.atSeconds()).isEqualTo(T10 + 2 * 3600));

        // the model is kept as JSON between records: what it knows of the phones comes back with it
        model = nl.weerbaar.contracts.EventJson.mapper().convertValue(
                nl.weerbaar.contracts.EventJson.mapper().convertValue(model, java.util.Map.class),
                CoordinationModel.class);
        assertThat(model.conditionChanges).singleElement().satisfies(c -> assertThat(c.works()).isFalse());
        collect(model.open(firstAid("asked-before", 30), false, CoordinationRules.DEFAULT)); // T+10:00: by phone
        collect(model.open(new HelpRequestOpened("oef-1", "asked-after", "first-aid", "urgent", T10 + 3 * 3600 + 1800,
                "heesch", "nsp-heesch", 51.7322, 5.5266, false, 1, null, HelpRequestOpened.FROM_NSP, null,
                T10 + 3 * 3600), false, CoordinationRules.DEFAULT)); // T+13:00: nobody at the NSP to ask
        assertThat(published(HelpOffered.class)).singleElement().satisfies(o -> {
            assertThat(o.requestId()).isEqualTo("asked-before");
            assertThat(o.channel()).isEqualTo(HelpOffered.BY_PHONE);
        });
        assertThat(published(HelpRequestEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo("asked-after");
            assertThat(e.atSeconds()).isEqualTo(T10 + 3 * 3600);
        });
    }

    @Test
    void phoneOffersMadeAfterThePhonesFailedButBeforeTheModelHeardOfItLapseAndTheRequestGoesOnInPerson() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, true, // they answer 15 to 45 min later
                new Volunteer("v-1", "heesch", 51.7330, 5.5270, List.of("first-aid"), 2, 1.0, false, 30),
                new Volunteer("v-2", "heesch", 51.7340, 5.5280, List.of("first-aid"), 2, 1.0, false, 30));
        collect(model.advanceTo(T10 - 700, CoordinationRules.DEFAULT));
        collect(model.open(new HelpRequestOpened("oef-1", "asked-before", "first-aid", "normal", T10 + 3600, "heesch",
                "nsp-heesch", 51.7322, 5.5266, false, 1, null, HelpRequestOpened.FROM_NSP, null, T10 - 700), false,
                CoordinationRules.DEFAULT));
        collect(model.advanceTo(T10, CoordinationRules.DEFAULT));
        collect(model.open(firstAid("asked-after", 60), false, CoordinationRules.DEFAULT));
        assertThat(published(HelpOffered.class)).hasSize(4)
                .allSatisfy(o -> assertThat(o.channel()).isEqualTo(HelpOffered.BY_PHONE));
        collect(model.advanceTo(T10 + 60, CoordinationRules.DEFAULT));

        // the phones failed at T+9:50, between the two; vital-status's word comes at T+10:01
        collect(model.reachability(false, "telecom-down", T10 - 600, CoordinationRules.DEFAULT));

        assertThat(published(OfferAnswered.class)).hasSize(2).allSatisfy(a -> {
            assertThat(a.requestId()).isEqualTo("asked-after");
            assertThat(a.answer()).isEqualTo(OfferAnswered.EXPIRED);
            assertThat(a.atSeconds()).isEqualTo(T10 + 60);
        });
        assertThat(model.requests.get("asked-before").offers).hasSize(2);
        // nobody is at the noodsteunpunt to ask in person
        assertThat(published(HelpRequestEscalated.class)).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo("asked-after");
            assertThat(e.reason()).isEqualTo("no-volunteer");
        });
    }

    private List<Object> simulatedRun() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, true,
                volunteer("v-willing", 51.7330, 5.5270, List.of("first-aid"), 1.0),
                volunteer("v-unwilling", 51.7331, 5.5271, List.of("first-aid"), 0.0));
        collect(model.open(firstAid("help-6", 60), false, CoordinationRules.DEFAULT));
        collect(model.advanceTo(T10 + 4 * 3600, CoordinationRules.DEFAULT));
        assertThat(model.requests.get("help-6").status).isEqualTo(RequestState.COMPLETED);
        assertThat(model.requests.get("help-6").assignee).isEqualTo("v-willing");
        assertThat(model.volunteers.get("v-willing").completed).isEqualTo(1);
        return List.copyOf(published);
    }

    @Test
    void aPoolVolunteerWhoReportsTheTaskDoneThemselvesIsNotCompletedASecondTimeBySimulation() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, true,
                volunteer("v-willing", 51.7330, 5.5270, List.of("first-aid"), 1.0));
        collect(model.open(firstAid("help-9", 60), false, CoordinationRules.DEFAULT));
        collect(model.advanceTo(T10 + 1800, CoordinationRules.DEFAULT)); // accepted and en route, task still running
        assertThat(model.requests.get("help-9").status).isEqualTo(RequestState.EN_ROUTE);
        collect(model.progressed(progress("help-9", "v-willing", RequestState.COMPLETED, T10 + 1800), "cmd-9",
                CoordinationRules.DEFAULT));
        collect(model.advanceTo(T10 + 4 * 3600, CoordinationRules.DEFAULT));
        assertThat(published(AssignmentProgressed.class)).extracting(AssignmentProgressed::status)
                .containsExactly("en-route", "completed");
        assertThat(model.volunteers.get("v-willing").completed).isEqualTo(1);
        assertThat(model.volunteers.get("v-willing").active).isZero();
    }

    @Test
    void aCommandThatComesAfterTheRequestMovedOnIsRefusedAndChangesNothing() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, false,
                volunteer("v-near", 51.7330, 5.5270, List.of("first-aid"), 1),
                volunteer("v-further", 51.7400, 5.5350, List.of("first-aid", "cpr-aed"), 1));
        collect(model.open(firstAid("help-8", 60), false, CoordinationRules.DEFAULT));
        HelpOffered near = published(HelpOffered.class).get(0);
        HelpOffered further = published(HelpOffered.class).get(1);
        collect(model.answered(answer(further, OfferAnswered.ACCEPTED, T10 + 60), "cmd-a", CoordinationRules.DEFAULT));
        int before = published.size();

        // v-near answers after v-further took it; v-near reports progress on a request that is not theirs
        collect(model.answered(answer(near, OfferAnswered.ACCEPTED, T10 + 90), "cmd-b", CoordinationRules.DEFAULT));
        collect(model.progressed(progress("help-8", "v-near", RequestState.COMPLETED, T10 + 120), "cmd-c",
                CoordinationRules.DEFAULT));
        // v-further is on the way, then says en route again
        collect(model.progressed(progress("help-8", "v-further", RequestState.EN_ROUTE, T10 + 150), "cmd-d",
                CoordinationRules.DEFAULT));
        collect(model.progressed(progress("help-8", "v-further", RequestState.EN_ROUTE, T10 + 180), "cmd-e",
                CoordinationRules.DEFAULT));

        assertThat(published(CommandRefused.class)).extracting(CommandRefused::commandId, CommandRefused::command,
                CommandRefused::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cmd-b", "offer-answer-submitted", CommandRefused.OFFER_NOT_OPEN),
                org.assertj.core.groups.Tuple.tuple("cmd-c", "assignment-progress-submitted",
                        CommandRefused.NOT_ASSIGNED),
                org.assertj.core.groups.Tuple.tuple("cmd-e", "assignment-progress-submitted",
                        CommandRefused.PROGRESS_NOT_ALLOWED));
        assertThat(published.subList(before, published.size())).filteredOn(p -> !(p instanceof CommandRefused))
                .singleElement().isEqualTo(new AssignmentProgressed("oef-1", "help-8", "v-further",
                        RequestState.EN_ROUTE, "Vera", T10 + 150));
        assertThat(model.requests.get("help-8").assignee).isEqualTo("v-further");
        assertThat(model.requests.get("help-8").status).isEqualTo(RequestState.EN_ROUTE);
    }

    @Test
    void aFinishedRequestLeavesMemoryAndIsStillKnownAndRefusedAsBefore() {
        CoordinationModel model = withVolunteers(CoordinationRules.DEFAULT, false,
                volunteer("v-near", 51.7330, 5.5270, List.of("first-aid"), 1));
        collect(model.open(firstAid("help-10", 60), false, CoordinationRules.DEFAULT));
        HelpOffered offer = published(HelpOffered.class).getFirst();
        collect(model.answered(answer(offer, OfferAnswered.ACCEPTED, T10 + 60), "cmd-1", CoordinationRules.DEFAULT));
        model.forgetFinished("help-10"); // accepted, not finished: it stays
        assertThat(model.requests).containsKey("help-10");
        collect(model.progressed(progress("help-10", "v-near", RequestState.COMPLETED, T10 + 600), "cmd-2",
                CoordinationRules.DEFAULT));
        model.forgetFinished("help-10");
        assertThat(model.requests).doesNotContainKey("help-10");
        int before = published.size();

        // the same request again (a redelivery) is not opened a second time; a late report on it is refused
        collect(model.open(firstAid("help-10", 60), false, CoordinationRules.DEFAULT));
        collect(model.progressed(progress("help-10", "v-near", RequestState.COMPLETED, T10 + 660), "cmd-3",
                CoordinationRules.DEFAULT));
        assertThat(published.subList(before, published.size())).singleElement()
                .isInstanceOfSatisfying(CommandRefused.class,
                        r -> assertThat(r.reason()).isEqualTo(CommandRefused.NOT_ASSIGNED));
        // the next request comes after it in the order, not in its place
        collect(model.open(firstAid("help-11", 60), false, CoordinationRules.DEFAULT));
        assertThat(model.requests.get("help-11").order).isEqualTo(1);
    }

    private static OfferAnswered answer(HelpOffered offer, String answer, long at) {
        return new OfferAnswered(offer.exerciseId(), offer.requestId(), offer.offerId(), offer.volunteerId(), answer,
                "Vera", at);
    }

    private static AssignmentProgressed progress(String requestId, String volunteerId, String status, long at) {
        return new AssignmentProgressed("oef-1", requestId, volunteerId, status, "Vera", at);
    }

    @Test
    void whenThePhonesFailThePoolReportsInAtTheNearestNspInUseWithinWalkingReach() {
        CoordinationRules everyone = new CoordinationRules(1, 3, 10, 30, 30, 1.0, 3, 60);
        CoordinationModel model = withVolunteers(everyone, true,
                volunteer("v-heesch", 51.7322, 5.5266, List.of("first-aid"), 1),
                volunteer("v-far", 51.4622, 5.5266, List.of("first-aid"), 1)); // 30 km south of every NSP
        collect(model.nspRegistered("nsp-closed", null, 51.7350, 5.5266)); // 0.3 km, but not in use
        collect(model.nspRegistered("nsp-near", null, 51.7412, 5.5266)); // 1 km north
        collect(model.nspRegistered("nsp-north", null, 51.9300, 5.5266)); // 22 km: ruled out by latitude alone
        collect(model.nspRegistered("nsp-east", null, 51.7322, 5.6700)); // 10 km east: same latitude, out of reach
        for (String nsp : List.of("nsp-near", "nsp-north", "nsp-east")) {
            collect(model.nspInUse(nsp, true, everyone));
        }
        collect(model.reachability(false, "mobile network down", T10, everyone));
        collect(model.volunteer(volunteer("v-late", 51.7330, 5.5600, List.of("first-aid"), 1), true, T10 + 60,
                everyone)); // 2.3 km from nsp-near, 7.6 km from nsp-east

        assertThat(published(VolunteerPresenceChanged.class)).extracting(VolunteerPresenceChanged::volunteerId,
                VolunteerPresenceChanged::nspId, VolunteerPresenceChanged::present).containsExactly(
                org.assertj.core.groups.Tuple.tuple("v-heesch", "nsp-near", true),
                org.assertj.core.groups.Tuple.tuple("v-late", "nsp-near", true));
    }

    @Test
    void whenThePhonesFailInOnePartOfTheRegionOnlyVolunteersLivingThereAreAskedInPersonAndGoHomeWhenTheirsWork() {
        CoordinationRules everyone = new CoordinationRules(3, 3, 10, 30, 30, 1.0, 3, 60);
        CoordinationModel model = new CoordinationModel("oef-1");
        model.placeCount = 8;
        for (Volunteer v : List.of(
                new Volunteer("v-veghel", "veghel", 51.6170, 5.5490, List.of("first-aid"), 2, 1, true, 5),
                new Volunteer("v-schijndel", "schijndel", 51.6225, 5.4333, List.of("first-aid"), 2, 1, true, 5))) {
            collect(model.volunteer(v, true, 0, everyone));
        }
        collect(model.nspRegistered("nsp-veghel", null, 51.6167, 5.5486));
        collect(model.nspRegistered("nsp-schijndel", null, 51.6220, 5.4340));
        collect(model.nspInUse("nsp-veghel", true, everyone));
        collect(model.nspInUse("nsp-schijndel", true, everyone));

        // the north's masts have run down (fixed lines before them): phones only in Schijndel and Sint-Oedenrode
        Phones southOnly = new Phones(false, new java.util.TreeSet<>(List.of("schijndel", "sint-oedenrode")));
        collect(model.reachability(southOnly, "telecom-down", T10, everyone));
        assertThat(published(ReachabilityChanged.class)).singleElement().satisfies(r -> {
            assertThat(r.mode()).isEqualTo(ReachabilityChanged.NSP_ONLY);
            assertThat(r.exceptPlaces()).containsExactly("schijndel", "sint-oedenrode");
            assertThat(r.phonesIn("veghel")).isFalse();
            assertThat(r.message().nl()).contains("alleen nog in 2 van de 8 plaatsen");
        });
        // who lives in the north goes to the NSP; who lives in the south stays home, reachable there
        assertThat(published(VolunteerPresenceChanged.class)).extracting(VolunteerPresenceChanged::volunteerId,
                VolunteerPresenceChanged::nspId, VolunteerPresenceChanged::present)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v-veghel", "nsp-veghel", true));

        // a request at Veghel: the volunteer present there in person, the one in Schijndel by phone (8 km by car)
        collect(model.open(new HelpRequestOpened("oef-1", "help-v", "first-aid", "urgent", T10 + 3600, "veghel",
                "nsp-veghel", 51.6167, 5.5486, false, 2, null, HelpRequestOpened.FROM_NSP, null, T10), false,
                everyone));
        assertThat(published(HelpOffered.class)).extracting(HelpOffered::volunteerId, HelpOffered::channel)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("v-veghel", HelpOffered.AT_NSP),
                        org.assertj.core.groups.Tuple.tuple("v-schijndel", HelpOffered.BY_PHONE));

        // the north's masts are back: its volunteer goes home; a change that leaves the phones as they are is no news
        int changes = published(ReachabilityChanged.class).size();
        collect(model.reachability(southOnly, "telecom-down", T10 + 60, everyone));
        assertThat(published(ReachabilityChanged.class)).hasSize(changes);
        collect(model.reachability(Phones.EVERYWHERE, "telecom-restored", T10 + 7200, everyone));
        assertThat(published(ReachabilityChanged.class).getLast().phonesEverywhere()).isTrue();
        assertThat(published(VolunteerPresenceChanged.class).getLast()).satisfies(p -> {
            assertThat(p.volunteerId()).isEqualTo("v-veghel");
            assertThat(p.present()).isFalse();
        });
    }

    private void collect(List<Emitted> emitted) {
        emitted.forEach(e -> published.add(e.payload()));
    }

    private <T> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
