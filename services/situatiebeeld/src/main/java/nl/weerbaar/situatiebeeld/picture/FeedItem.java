package nl.weerbaar.situatiebeeld.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.Topics;
import nl.weerbaar.contracts.crisisteam.Decision;
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
        // an observer's notes are for the trainers and the report, not for the crisis team being observed
        return !"clock-ticked".equals(e.type()) && type != EventType.OBSERVATION_RECORDED
                && (type == null || !type.isCommand());
    }

    /** The entry as a feed line; {@code names} gives the names of NSPs, providers and places by id. */
    public static FeedItem of(LogEntry e, Function<String, String> names) {
        JsonNode p = json(e.payload());
        // a decision is the crisis team's, whichever topic outage-timeline took it onto
        String category = "decision-taken".equals(e.type()) ? "crisis" : category(e.topic());
        return new FeedItem(e.seq(), e.atSeconds(), category, e.type(), e.key(), ALERTS.contains(e.type()),
                text(e.type(), names, p));
    }

    private static String category(String topic) {
        return switch (topic) {
            case Topics.EXERCISE -> "exercise";
            case Topics.VITAL_STATUS -> "vital";
            case Topics.NOODSTEUNPUNT -> "nsp";
            case Topics.CRISIS_TEAM -> "crisis";
            default -> "burgerhulp";
        };
    }

    /** What happened, in words: never a bare code (issue 18), and for every type of the contracts its own sentence. */
    static Text text(String type, Function<String, String> names, JsonNode p) {
        JsonNode message = p.path("message");
        if ("reachability-changed".equals(type) && !p.path("exceptPlaces").isEmpty()) {
            List<String> except = new java.util.ArrayList<>();
            p.path("exceptPlaces").forEach(place -> except.add(place.asText()));
            return PhoneReach.describe(p.path("mode").asText(), except, names, null);
        }
        if (message.has("nl")) {
            // a provider's own message may be in Dutch only: English readers get that rather than nothing
            return Text.of(message.path("nl").asText(), message.path("en").asText(message.path("nl").asText()));
        }
        String nsp = names.apply(p.path("nspId").asText(""));
        String provider = names.apply(p.path("providerId").asText(""));
        String volunteer = p.path("volunteerId").asText("");
        int size = p.path("householdSize").asInt();
        return switch (type) {
            case "inject-fired" -> Text.of(p.path("inject").path("effect").path("nl").asText(),
                    p.path("inject").path("effect").path("en").asText());
            case "inject-plan-changed" -> Text.of("Inject " + p.path("injectId").asText() + ": "
                    + Words.nl(p.path("change").asText()), "Inject " + p.path("injectId").asText() + ": "
                    + Words.en(p.path("change").asText()));
            case "phase-started" -> Text.of("Fase: " + p.path("phase").path("name").path("nl").asText(),
                    "Phase: " + p.path("phase").path("name").path("en").asText());
            case "exercise-state-changed" -> Text.of("Oefening " + Words.nl(p.path("state").asText()),
                    "Exercise " + Words.en(p.path("state").asText()));
            case "provider-status-changed" -> Text.of(provider + " "
                    + Words.nl(p.path("state").asText()) + cause(p, "nl"), provider + " "
                    + Words.en(p.path("state").asText()) + cause(p, "en"));
            case "status-override-released" -> Text.of(provider + " laat de status weer aan de simulatie",
                    provider + " leaves its status to the simulation again");
            case "citizen-checked-in" -> Text.of(household(size, "nl") + " ingeschreven bij " + nsp,
                    household(size, "en") + " checked in at " + nsp);
            case "citizen-checked-out" -> Text.of(household(size, "nl") + " vertrokken uit " + nsp
                    + ("nsp-closed".equals(p.path("reason").asText()) ? " (het noodsteunpunt sluit)" : ""),
                    household(size, "en") + " left " + nsp
                            + ("nsp-closed".equals(p.path("reason").asText()) ? " (the support point closes)" : ""));
            case "help-requested", "help-request-opened" -> Text.of("Hulpvraag: " + Words.nl(p.path("need").asText())
                    + ", " + Words.nl(p.path("urgency").asText()) + ", bij " + where(p, names), "Help request: "
                    + Words.en(p.path("need").asText()) + ", " + Words.en(p.path("urgency").asText()) + ", at "
                    + where(p, names));
            case "help-offered" -> Text.of("Aangeboden aan " + volunteer + ", " + Words.nl(p.path("channel").asText())
                    + ", over " + p.path("etaMinutes").asInt() + " min ter plaatse", "Offered to " + volunteer + ", "
                    + Words.en(p.path("channel").asText()) + ", there in " + p.path("etaMinutes").asInt() + " min");
            case "offer-answered" -> Text.of(volunteer + " " + Words.nl(p.path("answer").asText()),
                    volunteer + " " + Words.en(p.path("answer").asText()));
            case "burgerhulp-command-refused" -> Text.of(volunteer + ": te laat, niet verwerkt ("
                    + Words.nl(p.path("reason").asText()) + ")", volunteer + ": too late, not taken ("
                    + Words.en(p.path("reason").asText()) + ")");
            case "assignment-progressed" -> Text.of(volunteer + " " + Words.nl(p.path("status").asText()),
                    volunteer + " " + Words.en(p.path("status").asText()));
            case "volunteer-registered" -> Text.of("Burgerhulpverlener " + p.path("volunteer").path("id").asText()
                    + " doet mee, " + Words.nl(p.path("origin").asText()), "Volunteer " + p.path("volunteer")
                    .path("id").asText() + " takes part, " + Words.en(p.path("origin").asText()));
            case "volunteer-presence-changed" -> p.path("present").asBoolean()
                    ? Text.of(volunteer + " meldt zich bij " + nsp, volunteer + " reports in at " + nsp)
                    : Text.of(volunteer + " vertrekt uit " + nsp, volunteer + " leaves " + nsp);
            case "provider-registered" -> Text.of("Aanbieder " + p.path("provider").path("name").asText()
                    + " in beeld", "Provider " + p.path("provider").path("name").asText() + " in the picture");
            case "nsp-registered" -> {
                String name = p.path("nsp").path("name").asText();
                // most are called "Noodsteunpunt <place>": say it once
                String nl = name.toLowerCase(java.util.Locale.ROOT).startsWith("noodsteunpunt") ? name
                        : "Noodsteunpunt " + name;
                yield Text.of(nl + " in beeld", "Support point " + name + " in the picture");
            }
            case "nsp-situation-reported" -> Text.of("Situatie " + nsp + ": " + p.path("occupancy").asInt()
                    + " van " + p.path("capacity").asInt() + " plaatsen bezet, " + p.path("arrivalsLastHour").asInt()
                    + " aangekomen in het afgelopen uur", "Situation at " + nsp + ": " + p.path("occupancy").asInt()
                    + " of " + p.path("capacity").asInt() + " places taken, " + p.path("arrivalsLastHour").asInt()
                    + " arrived in the past hour");
            case "scenario-loaded" -> Text.of("Scenario " + p.path("name").path("nl").asText() + " geladen",
                    "Scenario " + p.path("name").path("en").asText() + " loaded");
            case "exercise-created" -> Text.of("Oefening aangemaakt (scenario " + p.path("scenarioId").asText() + ")",
                    "Exercise created (scenario " + p.path("scenarioId").asText() + ")");
            case "population-demand" -> Text.of("Bevolking: vraag van het uur", "Population: demand of the hour");
            case "volunteers-available" -> Text.of(p.path("volunteers").size() + " burgerhulpverleners beschikbaar",
                    p.path("volunteers").size() + " volunteers available");
            case "supplies-delivered" -> Text.of("Bevoorrading geleverd bij " + nsp, "Supplies delivered at " + nsp);
            case "household-unserved" -> Text.of(household(size, "nl") + " niet opgevangen: "
                    + Words.nl(p.path("reason").asText()), household(size, "en") + " not taken in: "
                    + Words.en(p.path("reason").asText()));
            case "decision-taken" -> decision(p, names);
            case "alert-acknowledged" -> Text.of("Melding gezien door " + p.path("by").asText(),
                    "Alert acknowledged by " + p.path("by").asText());
            case "expectation-evaluated" -> {
                Text verdict = Expectations.Verdict.fromWire(p.path("verdict").asText()).words();
                yield Text.of("Verwachting " + verdict.nl() + ": " + p.path("text").path("nl").asText(),
                        "Expectation " + verdict.en() + ": " + p.path("text").path("en").asText(
                                p.path("text").path("nl").asText()));
            }
            case "objective-set" -> Text.of("Nieuw doel van " + p.path("by").asText() + ": " + p.path("objective")
                    .path("text").path("nl").asText(), "New objective by " + p.path("by").asText() + ": "
                    + p.path("objective").path("text").path("en").asText(p.path("objective").path("text").path("nl")
                    .asText()));
            case "message-sent" -> Text.of("Bericht van " + p.path("from").asText() + ": " + p.path("text").path("nl")
                    .asText(), "Message from " + p.path("from").asText() + ": " + p.path("text").path("en").asText(
                    p.path("text").path("nl").asText()));
            case "message-answered" -> Text.of("Bericht beantwoord door " + p.path("by").asText() + ": "
                    + p.path("text").asText(), "Message answered by " + p.path("by").asText() + ": "
                    + p.path("text").asText());
            case "observation-recorded" -> Text.of("Waarneming van " + p.path("by").asText(),
                    "Observation by " + p.path("by").asText());
            case "personal-data-purged" -> Text.of("Persoonsgegevens van de oefening verwijderd",
                    "The exercise's personal data purged");
            default -> Text.of(Words.nl(type), Words.en(type));
        };
    }

    private static Text decision(JsonNode p, Function<String, String> names) {
        try {
            Decision d = EventJson.mapper().treeToValue(p, Decision.class);
            Text what = DecisionText.of(d, names);
            return Text.of("Besluit: " + what.nl() + " — " + d.reason(), "Decision: " + what.en() + " — "
                    + d.reason());
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return Text.of("Besluit", "Decision");
        }
    }

    private static String household(int size, String lang) {
        if ("nl".equals(lang)) {
            return size == 1 ? "Huishouden van 1 persoon" : "Huishouden van " + size + " personen";
        }
        return size == 1 ? "Household of 1" : "Household of " + size;
    }

    private static String cause(JsonNode p, String lang) {
        String cause = p.path("cause").path(lang).asText("").strip();
        return cause.isEmpty() ? "" : ": " + cause;
    }

    private static String where(JsonNode p, Function<String, String> names) {
        return names.apply(p.path("nspId").asText(p.path("placeId").asText("?")));
    }

    private static JsonNode json(String payload) {
        try {
            return EventJson.mapper().readTree(payload);
        } catch (JsonProcessingException unreadable) {
            return EventJson.mapper().createObjectNode();
        }
    }
}
