package nl.weerbaar.noodsteunpunt.simulation;

import java.util.Locale;
import nl.weerbaar.contracts.scenario.Text;

/** The model's messages for people, in Dutch and English. */
final class NspTexts {

    private NspTexts() {
    }

    static Text opening(String nsp, String reason, String place, long minutes) {
        return "emergency-number-down".equals(reason)
                ? Text.of(nsp + " gaat open: 112 is al " + durationNl(minutes) + " onbereikbaar.",
                nsp + " is opening: 112 has been unreachable for " + durationEn(minutes) + ".")
                : Text.of(nsp + " gaat open: de stroom is in " + place + " al " + durationNl(minutes) + " uit.",
                nsp + " is opening: power has been out in " + place + " for " + durationEn(minutes) + ".");
    }

    /** "1 uur", "1 uur en 30 minuten", "45 minuten": how people say it, not a clock reading ("1:00 uur"). */
    static String durationNl(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        String h = hours + " uur";
        String m = rest + (rest == 1 ? " minuut" : " minuten");
        return hours == 0 ? m : rest == 0 ? h : h + " en " + m;
    }

    static String durationEn(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        String h = hours + (hours == 1 ? " hour" : " hours");
        String m = rest + (rest == 1 ? " minute" : " minutes");
        return hours == 0 ? m : rest == 0 ? h : h + " and " + m;
    }

    static Text openingByDecision(String nsp) {
        return Text.of(nsp + " gaat open: besluit van het crisisteam.", nsp + " is opening: the crisis team decided "
                + "so.");
    }

    static Text closedByDecision(String nsp) {
        return Text.of(nsp + " gaat dicht: besluit van het crisisteam; wie er is, gaat naar huis.", nsp
                + " closes: the crisis team decided so; the people there go home.");
    }

    static Text open(String nsp) {
        return Text.of(nsp + " is open.", nsp + " is open.");
    }

    static Text full(String nsp, int occupancy, int capacity) {
        return Text.of(nsp + " is vol (" + occupancy + " van " + capacity + "); nieuwe mensen gaan naar het "
                + "dichtstbijzijnde noodsteunpunt met plek.", nsp + " is full (" + occupancy + " of " + capacity
                + "); new arrivals go to the nearest NSP with room.");
    }

    static Text roomAgain(String nsp, int occupancy, int capacity) {
        return Text.of(nsp + " heeft weer plek (" + occupancy + " van " + capacity + ").",
                nsp + " has room again (" + occupancy + " of " + capacity + ").");
    }

    static Text closedAfterRestore(String nsp, String place) {
        return Text.of(nsp + " sluit: de stroom is in " + place + " terug.",
                nsp + " closes: power is back in " + place + ".");
    }

    static Text threshold(String nsp, int percent, int occupancy, int capacity) {
        return Text.of(nsp + " is voor " + percent + "% bezet (" + occupancy + " van " + capacity + ").",
                nsp + " is " + percent + "% occupied (" + occupancy + " of " + capacity + ").");
    }

    static Text resupply(String nsp, String item, double remaining, Double hoursLeft, double requested) {
        String left = hoursLeft == null ? "" : String.format(Locale.ROOT, " (about %.1f h)", hoursLeft);
        String leftNl = hoursLeft == null ? "" : String.format(Locale.ROOT, " (ongeveer %.1f uur)", hoursLeft)
                .replace('.', ',');
        return switch (item) {
            case "water" -> Text.of(nsp + ": nog " + whole(remaining) + " liter drinkwater" + leftNl + "; vraagt "
                    + whole(requested) + " liter bij.", nsp + ": " + whole(remaining) + " litres of drinking water left"
                    + left + "; asks for " + whole(requested) + " litres more.");
            case "food" -> Text.of(nsp + ": nog " + whole(remaining) + " maaltijden" + leftNl + "; vraagt "
                    + whole(requested) + " maaltijden bij.", nsp + ": " + whole(remaining) + " food rations left" + left
                    + "; asks for " + whole(requested) + " rations more.");
            default -> Text.of(nsp + ": nog " + whole(remaining) + " uur brandstof voor het aggregaat; vraagt "
                    + whole(requested) + " uur bij.", nsp + ": " + whole(remaining) + " hours of generator fuel left; "
                    + "asks for " + whole(requested) + " hours more.");
        };
    }

    private static long whole(double v) {
        return Math.round(v);
    }
}
