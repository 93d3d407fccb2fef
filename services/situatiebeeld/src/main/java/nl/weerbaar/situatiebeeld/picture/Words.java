package nl.weerbaar.situatiebeeld.picture;

import java.util.Map;
import nl.weerbaar.contracts.scenario.Text;

/**
 * The contracts' codes as the crisis team reads them, in Dutch and English: states, needs, urgencies, answers,
 * reasons. A code without a word here is shown with its dashes as spaces, never as the bare code.
 */
public final class Words {

    private static final Map<String, Text> WORDS = Map.ofEntries(
            // exercise states
            Map.entry("CREATED", Text.of("aangemaakt", "created")),
            Map.entry("RUNNING", Text.of("loopt", "running")),
            Map.entry("PAUSED", Text.of("gepauzeerd", "paused")),
            Map.entry("STOPPED", Text.of("gestopt", "stopped")),
            Map.entry("FINISHED", Text.of("afgelopen", "finished")),
            // provider states
            Map.entry("normal", Text.of("normaal", "normal")),
            Map.entry("degraded", Text.of("verstoord", "degraded")),
            Map.entry("on-backup", Text.of("op noodstroom", "on backup power")),
            Map.entry("down", Text.of("uitgevallen", "down")),
            Map.entry("restored", Text.of("hersteld", "restored")),
            // NSP states
            Map.entry("planned", Text.of("gepland", "planned")),
            Map.entry("opening", Text.of("gaat open", "opening")),
            Map.entry("open", Text.of("open", "open")),
            Map.entry("full", Text.of("vol", "full")),
            Map.entry("closed", Text.of("gesloten", "closed")),
            // needs at a noodsteunpunt (those that ask for a volunteer are the contracts': HelpNeeds)
            Map.entry("water", Text.of("water", "water")),
            Map.entry("food", Text.of("eten", "food")),
            Map.entry("warmth", Text.of("warmte", "warmth")),
            Map.entry("charging", Text.of("opladen", "charging")),
            Map.entry("information", Text.of("informatie", "information")),
            Map.entry("shelter", Text.of("onderdak", "shelter")),
            Map.entry("report-emergency", Text.of("noodmelding", "reporting an emergency")),
            // urgencies
            Map.entry("immediate", Text.of("direct", "immediate")),
            Map.entry("urgent", Text.of("dringend", "urgent")),
            // offers, answers, progress
            Map.entry("phone", Text.of("telefonisch", "by phone")),
            Map.entry("at-nsp", Text.of("op het noodsteunpunt", "at the support point")),
            Map.entry("accepted", Text.of("neemt de hulpvraag aan", "accepts the request")),
            Map.entry("declined", Text.of("slaat de hulpvraag af", "declines the request")),
            Map.entry("expired", Text.of("reageerde niet op tijd", "did not answer in time")),
            Map.entry("en-route", Text.of("is onderweg", "is on the way")),
            Map.entry("completed", Text.of("heeft de hulp gegeven", "has given the help")),
            Map.entry("failed", Text.of("kon de hulp niet geven", "could not give the help")),
            // the trainer's changes to the inject plan
            Map.entry("added", Text.of("toegevoegd", "added")),
            Map.entry("held", Text.of("aangehouden", "held")),
            Map.entry("released", Text.of("vrijgegeven", "released")),
            Map.entry("cancelled", Text.of("geschrapt", "cancelled")),
            Map.entry("skipped", Text.of("overgeslagen", "skipped")),
            // reasons and origins
            Map.entry("no-open-nsp", Text.of("geen noodsteunpunt open", "no support point open")),
            Map.entry("all-full", Text.of("alle noodsteunpunten vol", "every support point full")),
            Map.entry("offer-no-longer-open", Text.of("het aanbod stond niet meer open", "the offer was no longer open")),
            Map.entry("not-assigned-to-volunteer", Text.of("de taak is niet van deze burgerhulpverlener",
                    "the task is not this volunteer's")),
            Map.entry("progress-not-allowed", Text.of("deze stap kan nu niet", "this step is not possible now")),
            Map.entry("scenario", Text.of("uit de pool van het scenario", "from the scenario's pool")),
            Map.entry("coordinator", Text.of("aangemeld door de coördinator", "registered by a coordinator")));

    private Words() {
    }

    /** The code in both languages; null stays null. */
    public static Text text(String code) {
        return code == null ? null : Text.of(nl(code), en(code));
    }

    static String nl(String code) {
        Text word = word(code);
        return word != null ? word.nl() : code.replace('-', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    static String en(String code) {
        Text word = word(code);
        return word != null ? word.en() : code.replace('-', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    private static Text word(String code) {
        Text word = WORDS.get(code);
        return word != null ? word : nl.weerbaar.contracts.burgerhulp.HelpNeeds.words(code).orElse(null);
    }
}
