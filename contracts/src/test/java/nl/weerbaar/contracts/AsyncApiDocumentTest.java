package nl.weerbaar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    private final JsonNode doc = ContractExamples.asyncApi();

    @Test
    void isAnAsyncApi3DocumentWithAChannelPerTopic() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        Set<String> addresses = new HashSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(addresses).allMatch(a -> a.matches("weerbaar\\.[a-z-]+\\.v[0-9]+"));
    }

    @Test
    void everyRefResolves() throws IOException {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            if (ref.startsWith("#")) {
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as("local $ref %s", ref).isFalse();
            } else {
                String resource = "contracts/" + ref.replaceFirst("^\\./", "");
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    assertThat(in).as("file $ref %s", ref).isNotNull();
                    assertThat(new ObjectMapper().readTree(in).isObject()).isTrue();
                }
            }
        }
    }

    @Test
    void everyEventTypeIsAMessageOnItsTopicWithHeadersSchemaAndExample() {
        for (EventType type : EventType.values()) {
            JsonNode message = findMessage(type.type());
            assertThat(message).as("message for %s", type).isNotNull();
            assertThat(message.at("/headers/$ref").asText()).isEqualTo("./schemas/headers.schema.json");
            assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("./" + type.schemaFile());
            assertThat(message.path("examples").size()).as("examples of %s", type).isPositive();
            assertThat(channelAddressesCarrying(message)).as("channel of %s", type).contains(type.topic());
        }
    }

    private JsonNode findMessage(String ceType) {
        for (JsonNode message : doc.path("components").path("messages")) {
            if (ceType.equals(message.path("name").asText())) {
                return message;
            }
        }
        return null;
    }

    private List<String> channelAddressesCarrying(JsonNode message) {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> channel.path("messages").forEach(m -> {
            if (doc.at(m.path("$ref").asText().substring(1)).equals(message)) {
                addresses.add(channel.path("address").asText());
            }
        }));
        return addresses;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if ("$ref".equals(e.getKey())) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
