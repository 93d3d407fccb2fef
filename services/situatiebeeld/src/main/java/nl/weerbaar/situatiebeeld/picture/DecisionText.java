package nl.weerbaar.situatiebeeld.picture;

import java.util.function.Function;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.scenario.Text;

/** A decision of the crisis team in words, with the names of the NSP, provider or places it is about. */
public final class DecisionText {

    private DecisionText() {
    }

    public static Text of(Decision d, Function<String, String> names) {
        String nsp = d.nspId() == null ? "" : names.apply(d.nspId());
        String provider = d.providerId() == null ? "" : names.apply(d.providerId());
        return switch (d.kind()) {
            case OPEN_NSP -> Text.of(nsp + " openen", "Open " + nsp);
            case CLOSE_NSP -> Text.of(nsp + " sluiten", "Close " + nsp);
            case FUEL_PRIORITY -> Text.of("Voorrang bij brandstof voor " + provider, "Fuel priority for " + provider);
            case MOBILE_GENERATOR -> Text.of("Mobiel aggregaat naar " + provider + " (" + hours(d) + " uur brandstof, "
                    + "draait over " + minutes(d) + " min)", "Mobile generator to " + provider + " (" + hours(d)
                    + " h of fuel, running in " + minutes(d) + " min)");
            case PUBLIC_WARNING -> {
                Text places = PlaceList.of(d.places(), names);
                String advice = Decision.STAY_HOME.equals(d.advice()) ? "blijf thuis" : "kom naar het noodsteunpunt";
                String adviceEn = Decision.STAY_HOME.equals(d.advice()) ? "stay at home" : "come to the support point";
                String nl = d.message() == null ? "" : ": «" + d.message().nl() + "»";
                String en = d.message() == null ? "" : ": «" + d.message().en() + "»";
                yield Text.of("Publieksbericht aan " + places.nl() + " (" + advice + ")" + nl,
                        "Public warning to " + places.en() + " (" + adviceEn + ")" + en);
            }
            case EXTRA_VOLUNTEERS -> {
                Text places = PlaceList.of(d.places(), names);
                yield Text.of(d.count() + " extra burgerhulpverleners gevraagd"
                        + (d.places().isEmpty() ? "" : " in " + places.nl()), d.count() + " more volunteers asked for"
                        + (d.places().isEmpty() ? "" : " in " + places.en()));
            }
            case GRIP -> Text.of("GRIP " + d.count() + " afgekondigd", "GRIP " + d.count() + " declared");
        };
    }

    private static String hours(Decision d) {
        double h = d.hours() == null ? 24 : d.hours();
        return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
    }

    private static int minutes(Decision d) {
        return d.deliveryMinutes() == null ? 120 : d.deliveryMinutes();
    }
}
