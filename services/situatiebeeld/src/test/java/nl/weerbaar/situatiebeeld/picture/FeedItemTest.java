package nl.weerbaar.situatiebeeld.picture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import nl.weerbaar.contracts.ContractExamples;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.crisisteam.Decision;
import nl.weerbaar.contracts.scenario.Text;
import org.junit.jupiter.api.Test;

/** The feed's lines for the crisis team are Dutch and English sentences, never the contracts' bare codes. */
class FeedItemTest {

    /** Fields whose values are codes, not names. */
    private static final List<String> CODE_FIELDS = List.of("state", "need", "urgency", "answer", "status", "reason",
            "channel", "origin", "change");
    /** Codes that are also the plain word in both languages. */
    private static final Set<String> ALSO_WORDS = Set.of("water", "transport", "scenario");

    @Test
    void everyContractExampleReadsAsASentenceWithoutItsCodes() {
        for (ContractExamples.Example example : ContractExamples.all()) {
            String type = example.type().shortName();
            Text text = FeedItem.text(type, id -> id, example.payload());
            assertThat(text.nl()).as("%s in Dutch", type).isNotBlank().doesNotContain(type)
                    .doesNotContain(example.payload().path("exerciseId").asText("\u0000"));
            assertThat(text.en()).as("%s in English", type).isNotBlank().doesNotContain(type);
            if (example.payload().path("message").has("nl")) {
                continue; // the event's own message, written for people where it was decided
            }
            for (String field : CODE_FIELDS) {
                if (field.equals("reason") && example.type().payloadType() == Decision.class) {
                    continue; // a decision's reason is the crisis team's own words, not a code
                }
                String code = example.payload().path(field).asText("");
                if (!code.isEmpty() && !ALSO_WORDS.contains(code)) {
                    // as a word of its own ("open" may stand in "afgelopen")
                    assertThat(text.nl()).as("%s: %s '%s' in Dutch", type, field, code)
                            .doesNotContainPattern("(?<![\\w-])" + java.util.regex.Pattern.quote(code) + "(?![\\w-])");
                }
            }
        }
    }

    /** The names the picture knows; an id it does not know stays the id. */
    private static final java.util.function.Function<String, String> NAMES = id -> java.util.Map.of(
            "nsp-heesch", "Noodsteunpunt Heesch", "mobiel-netwerk", "Mobiele netwerken").getOrDefault(id, id);

    @Test
    void theCrisisTeamReadsWordsWhereTheEventsCarryCodes() throws Exception {
        assertThat(FeedItem.text("help-request-opened", NAMES, json("""
                {"need":"first-aid","urgency":"immediate","nspId":"nsp-heesch"}"""))).isEqualTo(Text.of(
                "Hulpvraag: eerste hulp, direct, bij Noodsteunpunt Heesch",
                "Help request: first aid, immediate, at Noodsteunpunt Heesch"));
        assertThat(FeedItem.text("exercise-state-changed", NAMES, json("{\"state\":\"RUNNING\"}")).nl())
                .isEqualTo("Oefening loopt");
        assertThat(FeedItem.text("household-unserved", NAMES, json("{\"householdSize\":3,\"reason\":\"no-open-nsp\"}")))
                .isEqualTo(Text.of("Huishouden van 3 personen niet opgevangen: geen noodsteunpunt open",
                        "Household of 3 not taken in: no support point open"));
        assertThat(FeedItem.text("assignment-progressed", NAMES, json("""
                {"volunteerId":"v-ravenstein-9","status":"en-route"}""")).nl())
                .isEqualTo("v-ravenstein-9 is onderweg");
        assertThat(FeedItem.text("nsp-registered", NAMES, json("{\"nsp\":{\"name\":\"Noodsteunpunt Heesch\"}}")).nl())
                .isEqualTo("Noodsteunpunt Heesch in beeld");
        assertThat(FeedItem.text("provider-status-changed", NAMES, json("""
                {"providerId":"mobiel-netwerk","state":"down","cause":{"nl":"","en":""}}""")).nl())
                .isEqualTo("Mobiele netwerken uitgevallen");
    }

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }
}
