package nl.weerbaar.burgerhulp.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The matcher on its own: skill, distance, load, fairness, deadline and reachability decide who is asked. */
class MatcherTest {

    // the NSP in Heesch, at T+10:00, first aid needed within half an hour
    private static final HelpNeed FIRST_AID = new HelpNeed("first-aid", 51.7322, 5.5266, "nsp-heesch", false,
            36000, 36000 + 1800, 60);
    private static final Conditions NORMAL = new Conditions(true, true);

    private static Candidate volunteer(String id, double lat, double lon, Set<String> skills) {
        return new Candidate(id, lat, lon, skills, false, 0, 2, 0, 5, null);
    }

    @Test
    void theNearestCapableVolunteerComesFirstAndThoseWithoutTheSkillAreNotAsked() {
        Candidate near = volunteer("v-near", 51.7330, 5.5270, Set.of("first-aid"));
        Candidate far = volunteer("v-far", 51.7450, 5.5400, Set.of("first-aid", "cpr-aed"));
        Candidate unskilled = volunteer("v-unskilled", 51.7323, 5.5267, Set.of("transport-bike"));
        List<Match> best = Matcher.best(FIRST_AID, NORMAL, List.of(far, unskilled, near), 3, Set.of());
        assertThat(best).extracting(Match::volunteerId).containsExactly("v-near", "v-far");
        assertThat(best.getFirst().distanceKm()).isLessThan(0.2);
        assertThat(best.getFirst().travel()).isEqualTo("walk");
        assertThat(best.getFirst().channel()).isEqualTo("phone");
    }

    @Test
    void whoCannotMakeTheDeadlineIsFullyLoadedOrWasAskedBeforeIsLeftOut() {
        Candidate tooFar = volunteer("v-uden", 51.6600, 5.6200, Set.of("first-aid"));
        Candidate busy = new Candidate("v-busy", 51.7325, 5.5268, Set.of("first-aid"), false, 2, 2, 0, 5, null);
        Candidate asked = volunteer("v-asked", 51.7324, 5.5268, Set.of("first-aid"));
        assertThat(Matcher.best(FIRST_AID, NORMAL, List.of(tooFar, busy, asked), 3, Set.of("v-asked"))).isEmpty();
    }

    @Test
    void loadAndFairnessSpreadTheWorkBetweenOtherwiseEqualVolunteers() {
        Candidate rested = new Candidate("v-rested", 51.7330, 5.5270, Set.of("first-aid"), false, 0, 2, 0, 5, null);
        Candidate worked = new Candidate("v-worked", 51.7330, 5.5270, Set.of("first-aid"), false, 1, 2, 3, 5, null);
        assertThat(Matcher.best(FIRST_AID, NORMAL, List.of(worked, rested), 1, Set.of()))
                .extracting(Match::volunteerId).containsExactly("v-rested");
    }

    @Test
    void withoutPhonesOnlyVolunteersPresentAtTheNspAreOfferedTheWorkThere() {
        Candidate home = volunteer("v-home", 51.7330, 5.5270, Set.of("first-aid"));
        Candidate atNsp = new Candidate("v-at-nsp", 51.7322, 5.5266, Set.of("first-aid"), false, 0, 1, 0, 10,
                "nsp-heesch");
        Candidate atOtherNsp = new Candidate("v-elsewhere", 51.7030, 5.5600, Set.of("first-aid"), false, 0, 1, 0, 10,
                "nsp-nistelrode");
        List<Match> best = Matcher.best(FIRST_AID, new Conditions(false, true), List.of(home, atNsp, atOtherNsp), 3,
                Set.of());
        assertThat(best).extracting(Match::volunteerId).containsExactly("v-at-nsp");
        assertThat(best.getFirst().channel()).isEqualTo("at-nsp");
        assertThat(best.getFirst().etaMinutes()).isZero();
    }

    @Test
    void transportNeedsACarWithFuelForSomeoneWhoIsNotSelfReliant() {
        HelpNeed transport = new HelpNeed("transport", 51.7322, 5.5266, "nsp-heesch", true, 36000,
                36000 + 3 * 3600, 60);
        Candidate driver = new Candidate("v-driver", 51.7400, 5.5300, Set.of("transport-car"), true, 0, 2, 0, 10,
                null);
        Candidate cyclist = new Candidate("v-cyclist", 51.7330, 5.5270, Set.of("transport-bike"), false, 0, 2, 0, 5,
                null);
        assertThat(Matcher.best(transport, NORMAL, List.of(driver, cyclist), 3, Set.of()))
                .extracting(Match::volunteerId, Match::travel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v-driver", "car"));
        // once the fuel is gone, nobody here can take a less self-reliant person
        assertThat(Matcher.best(transport, new Conditions(true, false), List.of(driver, cyclist), 3, Set.of()))
                .isEmpty();
    }

    @Test
    void lookingOutwardFromTheRequestFindsExactlyTheBestOfTheWholePool() {
        // a region of 60 x 40 km with 3,000 volunteers, some present at one of five NSPs; random needs, deadlines,
        // conditions and earlier askings: the index must give what a look at everyone gives, ties included
        SplittableRandom random = new SplittableRandom(14);
        String[] skills = {"first-aid", "cpr-aed", "care", "psychosocial", "transport-car", "transport-bike"};
        String[] needs = {"first-aid", "medication", "check-on-person", "transport", "company"};
        List<Candidate> pool = new ArrayList<>();
        VolunteerIndex index = new VolunteerIndex();
        for (int i = 0; i < 3000; i++) {
            Set<String> has = new HashSet<>();
            for (String skill : skills) {
                if (random.nextInt(4) == 0) {
                    has.add(skill);
                }
            }
            // clustered homes (several at the same address) make equal scores, which the ranking must break alike
            double lat = 51.5 + random.nextInt(400) * 0.001;
            double lon = 5.2 + random.nextInt(600) * 0.001;
            String nsp = random.nextInt(10) == 0 ? "nsp-" + random.nextInt(5) : null;
            Candidate c = new Candidate("v-" + i, lat, lon, Set.copyOf(has), random.nextBoolean(),
                    random.nextInt(3), 1 + random.nextInt(2), random.nextInt(7), random.nextInt(20), nsp);
            pool.add(c);
            index.add(c.volunteerId(), lat, lon, nsp, c.responseMinutes());
        }
        for (int n = 0; n < 400; n++) {
            String nsp = random.nextInt(3) == 0 ? null : "nsp-" + random.nextInt(5);
            double lat = 51.5 + random.nextDouble() * 0.4;
            double lon = 5.2 + random.nextDouble() * 0.6;
            HelpNeed need = new HelpNeed(needs[random.nextInt(needs.length)], lat, lon, nsp, random.nextBoolean(),
                    36000, 36000 + 60L * (5 + random.nextInt(240)), 10 + random.nextInt(120));
            Conditions conditions = new Conditions(random.nextInt(5) > 0, random.nextBoolean());
            Set<String> asked = new HashSet<>();
            for (int a = 0; a < random.nextInt(20); a++) {
                asked.add("v-" + random.nextInt(3000));
            }
            int k = 1 + random.nextInt(5);
            // as the coordination sees them: present at the request's NSP means at the request
            List<Candidate> seen = pool.stream().map(c -> nsp != null && nsp.equals(c.presentAtNsp())
                    ? new Candidate(c.volunteerId(), lat, lon, c.skills(), c.hasCar(), c.activeTasks(),
                    c.maxTasks(), c.completedTasks(), c.responseMinutes(), c.presentAtNsp()) : c).toList();
            Map<String, Candidate> byId = new HashMap<>();
            seen.forEach(c -> byId.put(c.volunteerId(), c));
            assertThat(Matcher.best(need, conditions, index, byId::get, k, asked))
                    .as("need %d", n).isEqualTo(Matcher.best(need, conditions, seen, k, asked));
        }
    }

    @Test
    void aVolunteerWhoMovesIsFoundWhereTheyAre() {
        VolunteerIndex index = new VolunteerIndex();
        Candidate far = new Candidate("v-far", 51.90, 5.90, Set.of("first-aid"), false, 0, 1, 0, 0, null);
        index.add("v-far", far.lat(), far.lon(), null, far.responseMinutes());
        Conditions noPhones = new Conditions(false, true);
        Candidate there = new Candidate("v-far", FIRST_AID.lat(), FIRST_AID.lon(), Set.of("first-aid"), false, 0, 1,
                0, 0, "nsp-heesch");
        assertThat(Matcher.best(FIRST_AID, noPhones, index, id -> far, 3, Set.of())).isEmpty();
        index.moved("v-far", null, "nsp-heesch");
        assertThat(Matcher.best(FIRST_AID, noPhones, index, id -> there, 3, Set.of()))
                .extracting(Match::volunteerId).containsExactly("v-far");
        index.moved("v-far", "nsp-heesch", null);
        assertThat(Matcher.best(FIRST_AID, noPhones, index, id -> far, 3, Set.of())).isEmpty();
    }
}
