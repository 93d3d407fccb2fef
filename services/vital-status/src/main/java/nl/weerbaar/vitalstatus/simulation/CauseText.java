package nl.weerbaar.vitalstatus.simulation;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.CauseStep;
import nl.weerbaar.contracts.vital.ProviderState;

/**
 * Cause chains and alerts in words for the crisis team, Dutch and English: "uitgevallen: Enexis Netbeheer
 * uitgevallen om T+0:00 (inject stroomuitval); Mobiele netwerken op noodstroom vanaf T+0:00; …".
 */
final class CauseText {

    private CauseText() {
    }

    static Text of(ProviderState state, List<CauseStep> chain, Function<String, String> names) {
        String nl = chain.stream().map(s -> stepNl(s, names)).collect(Collectors.joining("; "));
        String en = chain.stream().map(s -> stepEn(s, names)).collect(Collectors.joining("; "));
        return new Text(stateNl(state) + ": " + nl, stateEn(state) + ": " + en);
    }

    static Text alert(String kind, String name, Double hoursLeft, long at) {
        String t = ScenarioTime.format(at);
        return switch (kind) {
            case "backup-low" -> new Text("%s: nog %s uur noodstroom (%s)".formatted(name, hours(hoursLeft, "nl"), t),
                    "%s: %s hours of backup power left (%s)".formatted(name, hours(hoursLeft, "en"), t));
            case "vulnerable-site-down" -> new Text("%s (kwetsbare locatie) is uitgevallen (%s)".formatted(name, t),
                    "%s (vulnerable site) is down (%s)".formatted(name, t));
            case "emergency-number-down" -> new Text("%s: 112 is onbereikbaar (%s)".formatted(name, t),
                    "%s: 112 cannot be reached (%s)".formatted(name, t));
            default -> throw new IllegalArgumentException("unknown alert kind " + kind);
        };
    }

    /** The end of an alert, in words: what ended it and when. */
    static Text resolved(String kind, String name, String reason, long at) {
        String t = ScenarioTime.format(at);
        Text what = switch (kind) {
            case "backup-low" -> new Text("noodstroom niet meer krap", "backup power no longer low");
            case "vulnerable-site-down" -> new Text("kwetsbare locatie werkt weer", "vulnerable site working again");
            case "emergency-number-down" -> new Text("112 weer bereikbaar", "112 can be reached again");
            default -> throw new IllegalArgumentException("unknown alert kind " + kind);
        };
        Text why = switch (reason) {
            case "refuelled" -> new Text("bijgetankt, ", "refuelled, ");
            case "power-restored" -> new Text("stroom terug, ", "power back, ");
            default -> new Text("", "");
        };
        return new Text("%s: %s%s (%s)".formatted(name, why.nl(), what.nl(), t),
                "%s: %s%s (%s)".formatted(name, why.en(), what.en(), t));
    }

    private static String hours(Double value, String language) {
        String text = String.format(Locale.ROOT, "%.1f", value == null ? 0 : value);
        return "nl".equals(language) ? text.replace('.', ',') : text;
    }

    private static String stepNl(CauseStep s, Function<String, String> names) {
        String who = names.apply(s.providerId());
        String t = ScenarioTime.format(s.atSeconds());
        return switch (s.reason()) {
            case "inject" -> "%s %s om %s (inject %s)".formatted(who, stateNl(s.state()), t, s.injectId());
            case "on-backup" -> "%s op noodstroom vanaf %s".formatted(who, t);
            case "backup-exhausted" -> "noodstroom van %s op om %s".formatted(who, t);
            case "backup-failed" -> "noodstroom van %s uitgevallen om %s (inject %s)".formatted(who, t, s.injectId());
            case "dependency-down" -> "%s uitgevallen om %s door een afhankelijkheid".formatted(who, t);
            case "refuelled" -> "%s bijgetankt om %s".formatted(who, t);
            case "power-restored" -> "%s weer gevoed om %s (%s)".formatted(who, t, stateNl(s.state()));
            default -> "%s meldt zelf: %s (%s)".formatted(who, stateNl(s.state()), t);
        };
    }

    private static String stepEn(CauseStep s, Function<String, String> names) {
        String who = names.apply(s.providerId());
        String t = ScenarioTime.format(s.atSeconds());
        return switch (s.reason()) {
            case "inject" -> "%s %s at %s (inject %s)".formatted(who, stateEn(s.state()), t, s.injectId());
            case "on-backup" -> "%s on backup power from %s".formatted(who, t);
            case "backup-exhausted" -> "%s backup exhausted at %s".formatted(who, t);
            case "backup-failed" -> "%s backup failed at %s (inject %s)".formatted(who, t, s.injectId());
            case "dependency-down" -> "%s down at %s through a dependency".formatted(who, t);
            case "refuelled" -> "%s refuelled at %s".formatted(who, t);
            case "power-restored" -> "%s powered again at %s (%s)".formatted(who, t, stateEn(s.state()));
            default -> "%s reports: %s (%s)".formatted(who, stateEn(s.state()), t);
        };
    }

    static String stateNl(ProviderState state) {
        return switch (state) {
            case NORMAL -> "normaal";
            case DEGRADED -> "verminderd";
            case ON_BACKUP -> "op noodstroom";
            case DOWN -> "uitgevallen";
            case RESTORED -> "hersteld";
        };
    }

    static String stateEn(ProviderState state) {
        return switch (state) {
            case NORMAL -> "normal";
            case DEGRADED -> "degraded";
            case ON_BACKUP -> "on backup power";
            case DOWN -> "down";
            case RESTORED -> "restored";
        };
    }
}
