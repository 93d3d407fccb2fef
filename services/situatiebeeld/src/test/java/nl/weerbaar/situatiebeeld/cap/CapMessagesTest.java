package nl.weerbaar.situatiebeeld.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.situatiebeeld.picture.Picture;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The picture's alerts and public warnings as CAP 1.2: every message valid against the schema, status Exercise with a
 * note, Dutch and English info, the area from what the alert is about, an ended alert as an update that refers to it.
 */
class CapMessagesTest {

    private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

    @Test
    void everyAlertAndWarningIsValidCapWithItsAreaAndBothLanguages() throws Exception {
        List<CapMessage> messages = CapMessages.of(picture(), "Exercise",
                at -> LocalDateTime.of(2026, 1, 14, 17, 30).plusSeconds(at).atZone(DUTCH).toOffsetDateTime());

        assertThat(messages).extracting(CapMessage::identifier).containsExactly(
                "weerbaar.oef-cap.alert-3", "weerbaar.oef-cap.d-1", "weerbaar.oef-cap.alert-7",
                "weerbaar.oef-cap.alert-3.einde", "weerbaar.oef-cap.alert-9");
        for (CapMessage m : messages) {
            CapSchema.validate(CapXml.message(m));
        }
        String feed = CapXml.feed("oef-cap", "Weerbaar & co <test>", messages.getLast().sent(),
                "/api/exercises/oef-cap/cap", messages.reversed());
        List<Element> alerts = CapSchema.validateFeed(feed);
        assertThat(alerts).hasSize(5);

        String masts = CapXml.message(messages.getFirst());
        assertThat(masts).contains("<status>Exercise</status>", "<scope>Restricted</scope>",
                "<note>OEFENING oef-cap: geen echte melding. EXERCISE: not a real alert.</note>",
                "<sent>2026-01-14T17:40:00+01:00</sent>", "<language>nl-NL</language>", "<language>en-GB</language>",
                "<event>112 onbereikbaar</event>", "<event>Emergency number 112 unreachable</event>",
                "<severity>Extreme</severity>", "<headline>112 is onbereikbaar in Heesch</headline>",
                "<areaDesc>Heesch</areaDesc>", "<circle>51.73200,5.53000 2.0</circle>");
        String ended = CapXml.message(messages.get(3));
        assertThat(ended).contains("<msgType>Update</msgType>", "<responseType>AllClear</responseType>",
                "<urgency>Past</urgency>", "<references>situatiebeeld@weerbaar.nl,weerbaar.oef-cap.alert-3,"
                        + "2026-01-14T17:40:00+01:00</references>", "<sent>2026-01-14T20:30:00+01:00</sent>");
        String warning = CapXml.message(messages.get(1));
        assertThat(warning).contains("<scope>Public</scope>", "<responseType>Execute</responseType>",
                "<event>Publieksbericht</event>", "<headline>Ga naar het noodsteunpunt.</headline>",
                "<areaDesc>Heesch, Nistelrode</areaDesc>").doesNotContain("<restriction>");
        // an NSP full: a small circle at the NSP; escalations in several places at once: the region's box
        assertThat(CapXml.message(messages.get(2))).contains("<areaDesc>NSP Heesch</areaDesc>",
                "<circle>51.73100,5.52900 0.5</circle>");
        assertThat(CapXml.message(messages.get(4))).contains("<areaDesc>Bernheze</areaDesc>",
                "<polygon>51.68600,5.50000 51.75200,5.50000 51.75200,5.61000 51.68600,5.61000 51.68600,5.50000</polygon>",
                "(3 keer op dit moment)");
    }

    @Test
    void theSchemaRefusesWhatCapForbids() {
        CapMessage m = CapMessages.of(picture(), "Exercise", at -> OffsetDateTime.parse("2026-01-14T17:30:00+01:00"))
                .getFirst();
        String xml = CapXml.message(m);
        assertThatThrownBy(() -> CapSchema.validate(xml.replace("+01:00</sent>", "Z</sent>")))
                .hasMessageContaining("17:30:00Z");
        assertThatThrownBy(() -> CapSchema.validate(xml.replace("<status>Exercise", "<status>Oefening")))
                .hasMessageContaining("Oefening");
        assertThatThrownBy(() -> CapSchema.validate(xml.replace("<scope>Restricted</scope>", "")))
                .hasMessageContaining("scope");
    }

    private static Picture picture() {
        Picture p = new Picture();
        p.exerciseId = "oef-cap";
        p.region = "Bernheze";
        p.places = List.of(new Picture.Place("heesch", "Heesch", 51.732, 5.53, 14000),
                new Picture.Place("nistelrode", "Nistelrode", 51.706, 5.58, 9000));
        Picture.Nsp nsp = new Picture.Nsp();
        nsp.id = "nsp-heesch";
        nsp.name = "NSP Heesch";
        nsp.lat = 51.731;
        nsp.lon = 5.529;
        p.nsps.put(nsp.id, nsp);
        Picture.Provider masts = new Picture.Provider();
        masts.id = "kpn-heesch";
        masts.places = List.of("heesch");
        p.providers.put(masts.id, masts);
        p.alerts.add(new Picture.Alert("alert-3", 3, 600, "emergency-number-down", "extreme",
                Text.of("112 is onbereikbaar in Heesch", "112 is unreachable in Heesch"), 1, "a-112", "kpn-heesch",
                10800L, Text.of("112 werkt weer", "112 works again"), null, null));
        p.alerts.add(new Picture.Alert("alert-7", 7, 3600, "nsp-full", "severe",
                Text.of("NSP Heesch is vol", "NSP Heesch is full"), 1, "nsp-full/nsp-heesch", "nsp-heesch", null,
                null, null, null));
        p.alerts.add(new Picture.Alert("alert-9", 9, 14400, "help-escalated", "severe",
                Text.of("Hulpvraag opgeschaald", "Help request escalated"), 3, null, null, null, null, null, null));
        p.decisions.add(new Picture.DecisionItem("d-1", 1800, "public-warning", Text.of("Publieksbericht", "Warning"),
                "112 is weg", "crisis", null, null, List.of("heesch", "nistelrode"), "come-to-nsp",
                Text.of("Ga naar het noodsteunpunt.", "Go to the support point.")));
        return p;
    }
}
