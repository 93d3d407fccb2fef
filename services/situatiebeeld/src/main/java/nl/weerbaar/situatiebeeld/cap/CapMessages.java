package nl.weerbaar.situatiebeeld.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.crisisteam.DecisionKind;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.VitalAlertRaised;
import nl.weerbaar.situatiebeeld.picture.Picture;

/**
 * The picture's alerts and the crisis team's public warnings as CAP 1.2 messages, in the order they were sent: an
 * alert when it is raised, an update ({@code AllClear}, urgency {@code Past}) when what it is about ends; a public
 * warning to the public of its places. Alerts for the crisis team are {@code Restricted}. Status follows the exercise
 * ({@code Exercise} for an exercise, with a note that says so); the area comes from the coordinates of the places,
 * NSPs or providers' places the alert is about, else a box around the region's places.
 */
final class CapMessages {

    private static final String RESTRICTION = "Crisisteam en hulpdiensten van de veiligheidsregio";
    private static final double PLACE_KM = 2.0;
    private static final double NSP_KM = 0.5;
    private static final int HEADLINE = 160;

    private final Picture picture;
    private final String status;
    private final LongFunction<OffsetDateTime> sentAt;

    private CapMessages(Picture picture, String status, LongFunction<OffsetDateTime> sentAt) {
        this.picture = picture;
        this.status = status;
        this.sentAt = sentAt;
    }

    /** Every message of the exercise so far, oldest first; {@code sentAt} gives the local time of a scenario time. */
    static List<CapMessage> of(Picture picture, String status, LongFunction<OffsetDateTime> sentAt) {
        return new CapMessages(picture, status, sentAt).all();
    }

    private List<CapMessage> all() {
        List<CapMessage> messages = new ArrayList<>();
        for (Picture.Alert alert : picture.alerts) {
            CapMessage raised = raised(alert);
            messages.add(raised);
            if (alert.resolvedAtSeconds() != null && alert.key() != null) {
                messages.add(ended(alert, raised));
            }
        }
        picture.decisions.stream().filter(d -> DecisionKind.PUBLIC_WARNING.wire().equals(d.kind()))
                .forEach(d -> messages.add(warning(d)));
        messages.sort(Comparator.comparing(CapMessage::sent).thenComparing(CapMessage::identifier));
        return messages;
    }

    private CapMessage raised(Picture.Alert alert) {
        Event event = Event.of(alert.kind());
        Text headline = alert.message() == null ? event.name : alert.message();
        List<CapMessage.Area> area = area(alert.subject());
        return message(identifier(alert.id()), alert.atSeconds(), "Alert", null, event, "Assess", "Immediate",
                severity(alert.severity()), headline, counted(headline, alert.count()), area);
    }

    private CapMessage ended(Picture.Alert alert, CapMessage raised) {
        Event event = Event.of(alert.kind());
        Text why = alert.resolution() != null ? alert.resolution() : Text.of("Voorbij.", "Over.");
        return message(identifier(alert.id()) + ".einde", alert.resolvedAtSeconds(), "Update",
                CapMessage.SENDER + "," + raised.identifier() + "," + CapXml.time(raised.sent()), event, "AllClear",
                "Past", "Minor", why, why, area(alert.subject()));
    }

    private CapMessage warning(Picture.DecisionItem d) {
        Text text = d.message() != null ? d.message() : d.text();
        String response = Decision.COME_TO_NSP.equals(d.advice()) ? "Execute"
                : Decision.STAY_HOME.equals(d.advice()) ? "Shelter" : "Monitor";
        List<CapMessage.Area> area = d.places().isEmpty() ? region() : places(d.places());
        CapMessage m = message(identifier(d.id()), d.atSeconds(), "Alert", null, Event.PUBLIC_WARNING, response,
                "Immediate", "Severe", text, text, area);
        return new CapMessage(m.identifier(), m.sent(), m.status(), m.msgType(), "Public", null, m.note(), null,
                m.infos());
    }

    private CapMessage message(String identifier, long at, String msgType, String references, Event event,
                               String response, String urgency, String severity, Text headline, Text description,
                               List<CapMessage.Area> area) {
        String sender = "Weerbaar situatiebeeld" + (picture.region == null ? "" : " – " + picture.region);
        List<CapMessage.Info> infos = List.of(
                new CapMessage.Info("nl-NL", event.categories, event.name.nl(), response, urgency, severity,
                        "Observed", sender, headline(headline.nl()), description.nl(), area),
                new CapMessage.Info("en-GB", event.categories, event.name.en(), response, urgency, severity,
                        "Observed", sender, headline(en(headline)), en(description), area));
        String note = "Exercise".equals(status) ? "OEFENING " + picture.exerciseId + ": geen echte melding. "
                + "EXERCISE: not a real alert." : null;
        return new CapMessage(identifier, sentAt.apply(at), status, msgType, "Restricted", RESTRICTION, note,
                references, infos);
    }

    private String identifier(String id) {
        return "weerbaar." + picture.exerciseId + "." + id;
    }

    private static Text counted(Text text, int count) {
        return count <= 1 ? text : Text.of(text.nl() + " (" + count + " keer op dit moment)",
                en(text) + " (" + count + " times at this moment)");
    }

    private static String en(Text text) {
        return text.en() != null ? text.en() : text.nl();
    }

    private static String headline(String text) {
        return text.length() <= HEADLINE ? text : text.substring(0, HEADLINE - 1) + "…";
    }

    private static String severity(String severity) {
        return switch (severity == null ? "" : severity) {
            case "extreme" -> "Extreme";
            case "severe" -> "Severe";
            case "moderate" -> "Moderate";
            case "minor" -> "Minor";
            default -> "Unknown";
        };
    }

    /** The area an alert is about: an NSP, a place, a provider's places; else the region. */
    private List<CapMessage.Area> area(String subject) {
        if (subject == null) {
            return region();
        }
        Picture.Nsp nsp = picture.nsps.get(subject);
        if (nsp != null) {
            return List.of(new CapMessage.Area(nsp.name, List.of(), List.of(circle(nsp.lat, nsp.lon, NSP_KM))));
        }
        Picture.Provider provider = picture.providers.get(subject);
        if (provider != null) {
            return provider.places.isEmpty() ? region() : places(provider.places);
        }
        return places(List.of(subject));
    }

    private List<CapMessage.Area> places(List<String> ids) {
        List<Picture.Place> places = picture.places.stream().filter(p -> ids.contains(p.id())).toList();
        if (places.isEmpty()) {
            return region();
        }
        return List.of(new CapMessage.Area(String.join(", ", places.stream().map(Picture.Place::name).toList()),
                List.of(), places.stream().map(p -> circle(p.lat(), p.lon(), PLACE_KM)).toList()));
    }

    /** A box around the region's places (none if the picture has no places yet: CAP's area is optional). */
    private List<CapMessage.Area> region() {
        if (picture.places.isEmpty()) {
            return List.of();
        }
        double south = picture.places.stream().mapToDouble(Picture.Place::lat).min().orElseThrow() - 0.02;
        double north = picture.places.stream().mapToDouble(Picture.Place::lat).max().orElseThrow() + 0.02;
        double west = picture.places.stream().mapToDouble(Picture.Place::lon).min().orElseThrow() - 0.03;
        double east = picture.places.stream().mapToDouble(Picture.Place::lon).max().orElseThrow() + 0.03;
        String box = String.join(" ", point(south, west), point(north, west), point(north, east), point(south, east),
                point(south, west));
        return List.of(new CapMessage.Area(picture.region != null ? picture.region : "regio", List.of(box),
                List.of()));
    }

    private static String circle(double lat, double lon, double km) {
        return point(lat, lon) + " " + String.format(Locale.ROOT, "%.1f", km);
    }

    private static String point(double lat, double lon) {
        return String.format(Locale.ROOT, "%.5f,%.5f", lat, lon);
    }

    /** What an alert kind is called, and CAP's categories for it. */
    private record Event(Text name, List<String> categories) {

        static final Event PUBLIC_WARNING = new Event(Text.of("Publieksbericht", "Public warning"),
                List.of("Safety", "Infra"));

        static Event of(String kind) {
            return switch (kind) {
                case VitalAlertRaised.BACKUP_LOW -> new Event(Text.of("Noodstroom raakt op", "Backup power running low"),
                        List.of("Infra"));
                case VitalAlertRaised.VULNERABLE_SITE_DOWN -> new Event(Text.of("Kwetsbare locatie zonder stroom",
                        "Vulnerable site without power"), List.of("Infra", "Health"));
                case VitalAlertRaised.EMERGENCY_NUMBER_DOWN -> new Event(Text.of("112 onbereikbaar",
                        "Emergency number 112 unreachable"), List.of("Infra", "Safety"));
                case "nsp-full" -> new Event(Text.of("Noodsteunpunt vol", "Support point full"), List.of("Safety"));
                case "help-escalated" -> new Event(Text.of("Hulpvraag opgeschaald", "Help request escalated"),
                        List.of("Rescue"));
                case "volunteers-unreachable" -> new Event(Text.of("Burgerhulpverleners onbereikbaar",
                        "Volunteers unreachable"), List.of("Infra"));
                default -> new Event(Text.of(kind.replace('-', ' '), kind.replace('-', ' ')), List.of("Other"));
            };
        }
    }
}
