package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.situatiebeeld.log.LogEntry;

/**
 * One line of the event feed: when, which stream ({@code category}), how serious, and what happened in Dutch and
 * English — the event's own message where it has one, else a short sentence made from its fields.
 */
public record FeedItem(long seq, long atSeconds, String category, String type, String subject, boolean alert,
                       Text text) {

    private static final Set<String> ALERTS = Set.of("vital-alert-raised", "help-request-escalated",
            "household-unserved", "occupancy-threshold-crossed", "reachability-changed", "resupply-requested");

    /** Clock ticks are the page's clock, not news; a command shows as its outcome. */
    public static boolean shown(LogEntry e) {
        EventType type = PictureFolder.TYPES.get(e.type());
        return !"clock-ticked".equals(e.type()) && (type == null || !type.isCommand());
    }

    public static FeedItem of(LogEntry e) {
        JsonNode p = json(e.payload());
        return new FeedItem(e.seq(), e.atSeconds(), category(e.topic()), e.type(), e.key(), ALERTS.contains(e.type()),
                text(e.type(), p));
    }

    private static String category(String topic) {
        return switch (topic) {
            case Topics.EXERCISE -> "exercise";
            case Topics.VITAL_STATUS -> "vital";
            case Topics.NOODSTEUNPUNT -> "nsp";
            default -> "burgerhulp";
        };
    }

    private static Text text(String type, JsonNode p) {
        JsonNode message = p.path("message");
        if (message.has("nl")) {
            return Text.of(message.path("nl").asText(), message.path("en").asText());
        }
        String nsp = p.path("nspId").asText("");
        return switch (type) {
            case "inject-fired" -> Text.of(p.path("inject").path("effect").path("nl").asText(),
                    p.path("inject").path("effect").path("en").asText());
            case "phase-started" -> Text.of("Fase: " + p.path("phase").path("name").path("nl").asText(),
                    "Phase: " + p.path("phase").path("name").path("en").asText());
            case "exercise-state-changed" -> Text.of("Oefening: " + p.path("state").asText(),
                    "Exercise: " + p.path("state").asText());
            case "provider-status-changed" -> Text.of(p.path("providerId").asText() + ": "
                    + p.path("state").asText() + cause(p, "nl"), p.path("providerId").asText() + ": "
                    + p.path("state").asText() + cause(p, "en"));
            case "citizen-checked-in" -> Text.of("Huishouden van " + p.path("householdSize").asInt()
                    + " ingeschreven bij " + nsp, "Household of " + p.path("householdSize").asInt()
                    + " checked in at " + nsp);
            case "citizen-checked-out" -> Text.of("Huishouden van " + p.path("householdSize").asInt()
                    + " vertrokken uit " + nsp, "Household of " + p.path("householdSize").asInt() + " left " + nsp);
            case "help-requested", "help-request-opened" -> Text.of("Hulpvraag " + p.path("need").asText() + " ("
                    + p.path("urgency").asText() + ") bij " + where(p), "Help request " + p.path("need").asText()
                    + " (" + p.path("urgency").asText() + ") at " + where(p));
            case "help-offered" -> Text.of("Aangeboden aan " + p.path("volunteerId").asText() + " ("
                    + p.path("channel").asText() + ", " + p.path("etaMinutes").asInt() + " min)", "Offered to "
                    + p.path("volunteerId").asText() + " (" + p.path("channel").asText() + ", "
                    + p.path("etaMinutes").asInt() + " min)");
            case "offer-answered" -> Text.of(p.path("volunteerId").asText() + ": " + p.path("answer").asText(),
                    p.path("volunteerId").asText() + ": " + p.path("answer").asText());
            case "burgerhulp-command-refused" -> Text.of(p.path("volunteerId").asText() + ": te laat, niet verwerkt ("
                    + p.path("reason").asText() + ")", p.path("volunteerId").asText() + ": too late, not taken ("
                    + p.path("reason").asText() + ")");
            case "assignment-progressed" -> Text.of(p.path("volunteerId").asText() + ": " + p.path("status").asText(),
                    p.path("volunteerId").asText() + ": " + p.path("status").asText());
            case "volunteer-registered" -> Text.of("Burgerhulpverlener " + p.path("volunteer").path("id").asText()
                    + " doet mee (" + p.path("origin").asText() + ")", "Volunteer " + p.path("volunteer").path("id")
                    .asText() + " takes part (" + p.path("origin").asText() + ")");
            case "volunteer-presence-changed" -> p.path("present").asBoolean()
                    ? Text.of(p.path("volunteerId").asText() + " meldt zich bij " + nsp, p.path("volunteerId").asText()
                    + " reports in at " + nsp)
                    : Text.of(p.path("volunteerId").asText() + " vertrekt uit " + nsp, p.path("volunteerId").asText()
                    + " leaves " + nsp);
            case "provider-registered" -> Text.of("Aanbieder " + p.path("provider").path("name").asText()
                    + " in beeld", "Provider " + p.path("provider").path("name").asText() + " in the picture");
            case "nsp-registered" -> Text.of("Noodsteunpunt " + p.path("nsp").path("name").asText() + " in beeld",
                    "Support point " + p.path("nsp").path("name").asText() + " in the picture");
            case "scenario-loaded" -> Text.of("Scenario " + p.path("name").path("nl").asText() + " geladen",
                    "Scenario " + p.path("name").path("en").asText() + " loaded");
            case "exercise-created" -> Text.of("Oefening aangemaakt (" + p.path("scenarioId").asText() + ")",
                    "Exercise created (" + p.path("scenarioId").asText() + ")");
            case "population-demand" -> Text.of("Bevolking: vraag van het uur", "Population: demand of the hour");
            case "volunteers-available" -> Text.of(p.path("volunteers").size() + " burgerhulpverleners beschikbaar",
                    p.path("volunteers").size() + " volunteers available");
            case "supplies-delivered" -> Text.of("Bevoorrading geleverd bij " + nsp, "Supplies delivered at " + nsp);
            case "household-unserved" -> Text.of("Huishouden van " + p.path("householdSize").asInt()
                    + " niet opgevangen (" + p.path("reason").asText() + ")", "Household of "
                    + p.path("householdSize").asInt() + " not taken in (" + p.path("reason").asText() + ")");
            default -> Text.of(type + " " + p.path("exerciseId").asText(""), type + " " + p.path("exerciseId")
                    .asText(""));
        };
    }

    private static String cause(JsonNode p, String lang) {
        String cause = p.path("cause").path(lang).asText("");
        return cause.isEmpty() ? "" : " — " + cause;
    }

    private static String where(JsonNode p) {
        return p.path("nspId").asText(p.path("placeId").asText("?"));
    }

    private static JsonNode json(String payload) {
        try {
            return EventJson.mapper().readTree(payload);
        } catch (JsonProcessingException unreadable) {
            return EventJson.mapper().createObjectNode();
        }
    }
}
