package nl.weerbaar.noodsteunpunt.simulation;

import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.scenario.NspPolicy;

/**
 * The policies of a deployment ({@code weerbaar.nsp.*}): when an NSP opens by itself, how long opening takes, when
 * it closes after the power returns, which thresholds raise events, how stock is sized, used and resupplied.
 *
 * @param powerSectors          sectors whose providers bring power (the grid operator)
 * @param emergencyNumbers      provider ids that are the emergency number (112)
 * @param powerDownMinutes      an NSP opens when its place has been without power this long
 * @param emergencyDownMinutes  ... or when 112 has been unreachable this long
 * @param openingMinutes        from opening to open: staff, generator, signs
 * @param closeAfterRestoreMinutes an NSP the policy opened closes when power has been back this long
 * @param thresholdsPercent     occupancy thresholds that raise an event, rising
 * @param reopenBelowPercent    a full NSP takes people again below this occupancy
 */
public record NspRules(Set<String> powerSectors, Set<String> emergencyNumbers, int powerDownMinutes,
                       int emergencyDownMinutes, int openingMinutes, int closeAfterRestoreMinutes,
                       List<Integer> thresholdsPercent, int reopenBelowPercent, Supplies supplies) {

    /** These rules with a region's own policy where it states one. */
    public NspRules with(NspPolicy policy) {
        return new NspRules(powerSectors, emergencyNumbers, or(policy.openAfterPowerDownMinutes(), powerDownMinutes),
                or(policy.openAfter112DownMinutes(), emergencyDownMinutes), or(policy.openingMinutes(), openingMinutes),
                or(policy.closeAfterRestoreMinutes(), closeAfterRestoreMinutes), thresholdsPercent, reopenBelowPercent,
                supplies);
    }

    private static int or(Integer stated, int otherwise) {
        return stated == null ? otherwise : stated;
    }

    /**
     * @param waterLitresPerPlace   initial water per unit of capacity
     * @param rationsPerPlace       initial food rations per unit of capacity
     * @param generatorHours        initial generator fuel, in running hours
     * @param waterPerPersonDay     drinking water per person per day (3-4 litres)
     * @param rationsPerPersonDay   food rations per person per day
     * @param lowShare              a share of the initial stock below which the NSP asks for more
     * @param deliveryHours         simulated logistics deliver this long after a request (0: only the crisis team)
     */
    public record Supplies(double waterLitresPerPlace, double rationsPerPlace, double generatorHours,
                           double waterPerPersonDay, double rationsPerPersonDay, double lowShare,
                           double deliveryHours) {
    }
}
