package nl.weerbaar.contracts.scenario;

/**
 * A region's own NSP policy, as its scenario states it: when an NSP opens after the power or 112 failed, how long
 * opening takes, when it closes after the power is back. A value left out is the deployment's default.
 */
public record NspPolicy(Integer openAfterPowerDownMinutes, Integer openAfter112DownMinutes, Integer openingMinutes,
                        Integer closeAfterRestoreMinutes) {
}
