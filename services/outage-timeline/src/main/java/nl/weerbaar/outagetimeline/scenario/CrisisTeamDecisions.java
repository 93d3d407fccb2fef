package nl.weerbaar.outagetimeline.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;

/**
 * The crisis team's decisions as the population model and the volunteer pool see them at a scenario hour: which
 * places a public warning reached (and its advice), and which appeals for volunteers are answered in that hour (an
 * hour after the appeal). Pure, so a re-play of the same decisions gives the same hours.
 */
public final class CrisisTeamDecisions {

    /** How much more (or less) likely a household in need goes to a noodsteunpunt after a warning's advice. */
    static final double COME_FACTOR = 1.5;
    static final double STAY_FACTOR = 0.6;

    private final List<Decision> decisions;

    public CrisisTeamDecisions(List<Decision> decisions) {
        this.decisions = List.copyOf(decisions);
    }

    public static CrisisTeamDecisions none() {
        return new CrisisTeamDecisions(List.of());
    }

    /** Per place the advice of the latest public warning taken before {@code hour} began. */
    Map<String, String> warnedBefore(int hour) {
        Map<String, String> advice = new TreeMap<>();
        decisions.stream().filter(d -> d.kind() == DecisionKind.PUBLIC_WARNING && d.atSeconds() < hour * 3600L)
                .sorted(java.util.Comparator.comparingLong(Decision::atSeconds).thenComparing(Decision::decisionId))
                .forEach(d -> d.places().forEach(p -> advice.put(p, d.advice())));
        return advice;
    }

    /** The appeals for volunteers answered in {@code hour}: those taken in the hour before it. */
    List<Decision> appealsAnsweredIn(int hour) {
        return decisions.stream().filter(d -> d.kind() == DecisionKind.EXTRA_VOLUNTEERS && d.count() != null
                && d.atSeconds() / 3600 + 1 == hour)
                .sorted(java.util.Comparator.comparing(Decision::decisionId)).toList();
    }

    /** The factor on a household's chance to come to an NSP under {@code advice} (none: 1). */
    static double arrivalFactor(String advice) {
        if (advice == null) {
            return 1;
        }
        return Decision.STAY_HOME.equals(advice) ? STAY_FACTOR : COME_FACTOR;
    }
}
