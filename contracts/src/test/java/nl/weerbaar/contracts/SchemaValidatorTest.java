package nl.weerbaar.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaValidatorTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    static Stream<String> schemaResources() {
        return Stream.concat(Stream.of(SchemaValidator.HEADERS_SCHEMA),
                Stream.of(EventType.values()).map(EventType::schemaResource));
    }

    static List<ContractExamples.Example> examples() {
        return ContractExamples.all();
    }

    @ParameterizedTest
    @MethodSource("schemaResources")
    void everySchemaIsAValidDraft202012Schema(String resource) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        JsonNode schema = read(resource);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(metaSchema.validate(schema)).as("meta-schema errors of %s", resource).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleValidates(ContractExamples.Example example) {
        assertThat(VALIDATOR.validateRecord(example.headers(), example.payloadBytes())).isEmpty();
        assertThat(example.headers().get(CeHeaders.TYPE)).isEqualTo(example.type().type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleReadsIntoItsJavaTypeAndWritesBackValid(ContractExamples.Example example) throws IOException {
        Object payload = EventJson.mapper().treeToValue(example.payload(), example.type().payloadType());
        JsonNode written = EventJson.mapper().valueToTree(payload);
        assertThat(VALIDATOR.validatePayload(example.type(), written)).isEmpty();
    }

    @Test
    void aNegativeScenarioTimeIsRejectedNamingTheField() throws IOException {
        List<Violation> violations = VALIDATOR.validatePayload(EventType.CLOCK_TICKED,
                read("broken/clock-ticked-negative-time.json"));
        assertThat(violations).hasSize(1);
        assertThat(violations.getFirst().path()).isEqualTo("$.scenarioTimeSeconds");
        assertThat(violations.getFirst().toString()).isEqualTo("$.scenarioTimeSeconds: must have a minimum value of 0");
    }

    @Test
    void sharedDefinitionsAreCheckedThroughTheirRefs() throws IOException {
        List<Violation> violations = VALIDATOR.validatePayload(EventType.INJECT_FIRED,
                read("broken/inject-fired-bad-severity.json"));
        assertThat(violations).extracting(Violation::path).containsExactly("$.inject.severity");
    }

    @Test
    void aMissingRequiredFieldIsRejectedNamingTheField() throws IOException {
        List<Violation> violations = VALIDATOR.validatePayload(EventType.EXERCISE_CREATED,
                read("broken/exercise-created-missing-seed.json"));
        assertThat(violations).extracting(Violation::path).containsExactly("$.seed");
    }

    @Test
    void aRecordWithoutEnvelopeOrWithUnknownTypeIsRejected() {
        ContractExamples.Example example = ContractExamples.of(EventType.CLOCK_TICKED).getFirst();
        Map<String, String> headers = new HashMap<>(example.headers());
        headers.remove(CeHeaders.EXERCISE_ID);
        headers.put(CeHeaders.EXERCISE_STATUS, "Real");
        assertThat(VALIDATOR.validateRecord(headers, example.payloadBytes())).extracting(Violation::path)
                .contains("header $.ce_exerciseid", "header $.ce_exercisestatus");

        headers = new HashMap<>(example.headers());
        headers.put(CeHeaders.TYPE, "nl.weerbaar.exercise.unknown.v1");
        assertThat(VALIDATOR.validateRecord(headers, example.payloadBytes())).extracting(Violation::path)
                .containsExactly(CeHeaders.TYPE);

        assertThat(VALIDATOR.validateRecord(example.headers(), "{not json".getBytes(StandardCharsets.UTF_8)))
                .extracting(Violation::message).singleElement().asString().startsWith("payload is not JSON");
    }

    @Test
    void aBadDateIsRejectedBecauseFormatsAreAsserted() throws IOException {
        JsonNode payload = EventJson.mapper().readTree(
                "{\"exerciseId\":\"x\",\"scenarioTimeSeconds\":0,\"speed\":1,\"wallTime\":\"yesterday\"}");
        assertThat(VALIDATOR.validatePayload(EventType.CLOCK_TICKED, payload)).extracting(Violation::path)
                .containsExactly("$.wallTime");
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaValidatorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }
}
