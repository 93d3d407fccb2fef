package nl.weerbaar.burgerhulp.matching;

import java.util.Set;

/**
 * How well a volunteer's skills fit a need, from 0 (cannot do it) to 1: first aid needs first-aid or CPR/AED;
 * medication is fetched best by carers, but anyone can; checking on a person suits carers and psychosocial helpers;
 * transport needs a car (and fuel), a bike will do for someone who is self-reliant.
 */
final class SkillFit {

    private SkillFit() {
    }

    /** The best fit anyone can have for this need. */
    static double best(HelpNeed need) {
        return switch (need.need()) {
            case "first-aid", "medication", "check-on-person", "transport" -> 1.0;
            default -> 0.5;
        };
    }

    static double of(HelpNeed need, Set<String> skills, boolean canDrive) {
        return switch (need.need()) {
            case "first-aid" -> skills.contains("cpr-aed") && skills.contains("first-aid") ? 1.0
                    : skills.contains("first-aid") || skills.contains("cpr-aed") ? 0.9 : 0;
            case "medication" -> skills.contains("care") ? 1.0 : skills.contains("first-aid") ? 0.7 : 0.5;
            case "check-on-person" -> skills.contains("care") || skills.contains("psychosocial") ? 1.0
                    : skills.contains("first-aid") ? 0.7 : 0.5;
            case "transport" -> canDrive && skills.contains("transport-car") ? 1.0
                    : !need.lessSelfReliant() && skills.contains("transport-bike") ? 0.6 : 0;
            default -> 0.5;
        };
    }
}
