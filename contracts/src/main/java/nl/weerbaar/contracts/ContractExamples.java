package nl.weerbaar.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples of {@code asyncapi.yaml}, the single place they are written. Producers' and consumers' tests feed
 * them to the code, so an example (and so a schema) that no longer fits a consumer fails the build.
 */
public final class ContractExamples {

    public static final String ASYNCAPI = "contracts/asyncapi.yaml";

    /** One example record: its message, headers and payload. */
    public record Example(String message, String name, EventType type, Map<String, String> headers, JsonNode payload) {

        public byte[] payloadBytes() {
            try {
                return EventJson.mapper().writeValueAsBytes(payload);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ContractExamples() {
    }

    public static JsonNode asyncApi() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = ContractExamples.class.getClassLoader().getResourceAsStream(ASYNCAPI)) {
            if (in == null) {
                throw new IllegalStateException(ASYNCAPI + " not on the classpath");
            }
            return yaml.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Example> all() {
        List<Example> examples = new ArrayList<>();
        asyncApi().path("components").path("messages").properties().forEach(message -> {
            String ceType = message.getValue().path("name").asText();
            EventType type = EventType.fromType(ceType).orElseThrow(
                    () -> new IllegalStateException("message " + message.getKey() + " names unknown type " + ceType));
            for (JsonNode example : message.getValue().path("examples")) {
                Map<String, String> headers = new LinkedHashMap<>();
                example.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
                examples.add(new Example(message.getKey(), example.path("name").asText(), type, headers,
                        example.path("payload")));
            }
        });
        return examples;
    }

    public static List<Example> of(EventType type) {
        return all().stream().filter(e -> e.type() == type).toList();
    }
}
