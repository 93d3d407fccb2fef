package nl.weerbaar.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks raw records (headers and JSON payload) against the schemas in {@code contracts/schemas}. Used by
 * producers before they publish, by consumers on what they receive and by tests on what lands on a topic.
 * Thread-safe; build it once.
 */
public final class SchemaValidator {

    public static final String HEADERS_SCHEMA = "contracts/schemas/headers.schema.json";
    /** Schemas refer to each other by {@code $id}; these ids resolve to the copies on the classpath, never the network. */
    private static final String SCHEMA_ID_PREFIX = "https://weerbaar.nl/contracts/schemas/";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_ID_PREFIX, "classpath:contracts/schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_PATH)
                    .build()));
    private final Schema headersSchema = load(HEADERS_SCHEMA);
    private final Map<EventType, Schema> payloadSchemas = new EnumMap<>(EventType.class);
    private final Map<String, Schema> otherSchemas = new java.util.concurrent.ConcurrentHashMap<>();

    public SchemaValidator() {
        for (EventType type : EventType.values()) {
            payloadSchemas.put(type, load(type.schemaResource()));
        }
    }

    /** Violations of a payload against the schema of its type; empty when valid. */
    public List<Violation> validatePayload(EventType type, JsonNode payload) {
        return toViolations(payloadSchemas.get(type).validate(payload), "");
    }

    /** Violations of any document against a schema on the classpath (e.g. the scenario file); empty when valid. */
    public List<Violation> validate(String schemaResource, JsonNode document) {
        return toViolations(otherSchemas.computeIfAbsent(schemaResource, this::load).validate(document), "");
    }

    /** Violations of the envelope headers; empty when valid. */
    public List<Violation> validateHeaders(Map<String, String> headers) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        headers.forEach(node::put);
        return toViolations(headersSchema.validate(node), "header ");
    }

    /** Violations of the envelope: its headers, and a {@code ce_type} the contracts know; empty when valid. */
    public List<Violation> validateEnvelope(Map<String, String> headers) {
        List<Violation> violations = new ArrayList<>(validateHeaders(headers));
        if (EventType.fromType(headers.get(CeHeaders.TYPE)).isEmpty()) {
            violations.add(new Violation(CeHeaders.TYPE, "unknown event type '" + headers.get(CeHeaders.TYPE) + "'"));
        }
        return violations;
    }

    /** Validates a whole raw record: envelope headers, a known {@code ce_type}, a JSON payload of that type. */
    public List<Violation> validateRecord(Map<String, String> headers, byte[] value) {
        if (EventType.fromType(headers.get(CeHeaders.TYPE)).isEmpty()) {
            return validateRecord(headers, (JsonNode) null); // the type decides how to read the payload: no further
        }
        JsonNode payload;
        try {
            payload = EventJson.mapper().readTree(value == null ? new byte[0] : value);
        } catch (IOException e) {
            List<Violation> violations = new ArrayList<>(validateHeaders(headers));
            violations.add(new Violation("$", "payload is not JSON: " + e.getMessage().lines().findFirst().orElse("")));
            return violations;
        }
        return validateRecord(headers, payload);
    }

    /**
     * Validates a record whose payload was read already (a consumer's deserializer parsed it): envelope headers, a
     * known {@code ce_type}, a payload of that type; a null or missing payload is "empty".
     */
    public List<Violation> validateRecord(Map<String, String> headers, JsonNode payload) {
        List<Violation> violations = validateEnvelope(headers);
        Optional<EventType> type = EventType.fromType(headers.get(CeHeaders.TYPE));
        if (type.isEmpty()) {
            return violations;
        }
        if (payload == null || payload.isMissingNode()) {
            violations.add(new Violation("$", "payload is empty"));
            return violations;
        }
        violations.addAll(validatePayload(type.get(), payload));
        return violations;
    }

    private Schema load(String resource) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: " + resource);
            }
            return registry.getSchema(EventJson.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    private static List<Violation> toViolations(List<Error> errors, String prefix) {
        return errors.stream()
                .map(e -> new Violation(prefix + pathOf(e), e.getMessage()))
                .toList();
    }

    /**
     * The location of the offending field; for a missing required property or one the schema does not know, the
     * property itself (so a scenario file's error names the line of the unknown key, not of its object).
     */
    private static String pathOf(Error error) {
        String location = error.getInstanceLocation().toString();
        String property = error.getProperty();
        if (property != null && ("required".equals(error.getKeyword())
                || "additionalProperties".equals(error.getKeyword()))) {
            return location + (property.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + property : "['" + property + "']");
        }
        return location;
    }
}
