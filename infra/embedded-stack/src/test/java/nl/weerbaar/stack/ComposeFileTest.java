package nl.weerbaar.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, checked without Docker: valid against the Compose Specification's schema, and what issue 16 asks
 * of a production stack that a schema cannot see (ports on 127.0.0.1 only, health, memory, pinned images, Kafka's log
 * on its volume, secrets only from .env).
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("weerbaar.root", "../..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file as Compose reads it: YAML anchors and {@code <<} merge keys resolved. */
    private static final JsonNode COMPOSE = read(ROOT.resolve("docker-compose.yml"));

    @Test
    void validatesAgainstTheComposeSpecification() throws IOException {
        assertThat(violations(COMPOSE)).isEmpty();
    }

    @Test
    void theSchemaCatchesAMisspelledKeyAndAWrongType() throws IOException {
        ObjectNode broken = COMPOSE.deepCopy();
        ((ObjectNode) broken.path("services").path("kafka")).set("helthcheck", broken.path("services").path("kafka")
                .path("healthcheck"));
        ((ObjectNode) broken.path("services").path("mongo")).put("restart", 3);
        assertThat(violations(broken)).anyMatch(v -> v.contains("helthcheck")).anyMatch(v -> v.contains("restart"));
    }

    private static List<String> violations(JsonNode compose) throws IOException {
        ObjectNode schema;
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            schema = (ObjectNode) JSON.readTree(in);
        }
        schema.remove("$schema"); // "…/2019-09/schema#": the dialect is given below
        withoutDraft4Ids(schema); // labels left from draft 4 ("id": "#/properties/services"), no keyword in 2019-09
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09)
                .getSchema(schema).validate(compose);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    @Test
    void everyServiceOfTheRepositoryIsBuiltFromTheOneDockerfile() throws IOException {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("services"))) {
            dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).forEach(d -> modules.add(d.getFileName().toString()));
        }
        assertThat(modules).hasSize(5);
        for (String module : modules) {
            JsonNode build = COMPOSE.path("services").path(module).path("build");
            assertThat(build.path("dockerfile").asText()).as(module).isEqualTo("infra/docker/Dockerfile");
            assertThat(build.path("args").path("SERVICE").asText()).as(module).isEqualTo(module);
        }
        assertThat(ROOT.resolve("infra/docker/Dockerfile")).content()
                .contains("USER 10001").contains("HEALTHCHECK").contains("extract --layers")
                .doesNotContain(":latest");
    }

    @Test
    void everyContainerHasAHealthcheckAMemoryLimitARestartPolicyAndAPinnedImage() {
        COMPOSE.path("services").properties().forEach(service -> {
            String name = service.getKey();
            JsonNode s = service.getValue();
            assertThat(s.path("healthcheck").path("test").isArray()).as(name + " healthcheck").isTrue();
            assertThat(s.path("deploy").path("resources").path("limits").path("memory").asText())
                    .as(name + " memory limit").matches("\\d+[mg]");
            assertThat(s.path("restart").asText()).as(name + " restart").isEqualTo("unless-stopped");
            assertThat(s.path("image").asText()).as(name + " image").matches("[\\w./-]+:v?\\d[\\w.-]*");
        });
    }

    @Test
    void everyPortIsBoundToLoopbackOnly() {
        List<String> ports = new ArrayList<>();
        COMPOSE.path("services").properties().forEach(s -> s.getValue().path("ports").forEach(p -> ports.add(
                s.getKey() + " " + p.asText())));
        assertThat(ports).isNotEmpty().allSatisfy(p -> assertThat(p).matches("\\S+ 127\\.0\\.0\\.1:\\d+:\\d+"));
    }

    @Test
    void startOrderFollowsHealth() {
        COMPOSE.path("services").properties().forEach(s -> s.getValue().path("depends_on").properties()
                .forEach(d -> assertThat(d.getValue().path("condition").asText()).as(s.getKey() + " → " + d.getKey())
                        .isEqualTo("service_healthy")));
        for (String service : List.of("outage-timeline", "vital-status", "noodsteunpunt", "burgerhulp", "situatiebeeld")) {
            assertThat(COMPOSE.path("services").path(service).path("depends_on").has("kafka")).isTrue();
            assertThat(COMPOSE.path("services").path(service).path("depends_on").has("mongo")).isTrue();
        }
    }

    @Test
    void kafkaKeepsItsLogOnItsVolumeInAFixedCluster() {
        JsonNode kafka = COMPOSE.path("services").path("kafka");
        String logDirs = kafka.path("environment").path("KAFKA_LOG_DIRS").asText();
        assertThat(logDirs).isNotBlank();
        assertThat(kafka.path("volumes")).extracting(JsonNode::asText).contains("kafka-data:" + logDirs);
        assertThat(kafka.path("environment").path("CLUSTER_ID").asText()).matches("[A-Za-z0-9_-]{22}");
        assertThat(COMPOSE.path("volumes").has("kafka-data")).isTrue();
        assertThat(COMPOSE.path("services").path("mongo").path("volumes")).extracting(JsonNode::asText)
                .anyMatch(v -> v.startsWith("mongo-data:"));
    }

    @Test
    void noSecretIsWrittenInTheFileEverySecretComesFromEnvAndEveryVariableIsInTheExample() throws IOException {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> variables = new TreeSet<>();
        Matcher m = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)").matcher(text);
        while (m.find()) {
            variables.add(m.group(1));
        }
        assertThat(variables).contains("WEERBAAR_SECURITY_JSON", "MONGO_APP_PASSWORD", "GRAFANA_ADMIN_PASSWORD");
        assertThat(exampleVariables()).containsAll(variables);
        assertThat(text).doesNotContainIgnoringCase("password: \"").doesNotContain("GF_AUTH_ANONYMOUS_ENABLED: \"true\"");
        assertThat(COMPOSE.path("services").path("kafka-ui").path("environment").path("KAFKA_CLUSTERS_0_READONLY")
                .asText()).isEqualTo("true");
        assertThat(COMPOSE.path("services").path("kafka-ui").path("image").asText()).startsWith("ghcr.io/kafbat/");
    }

    @Test
    void everyFileItMountsFromTheRepositoryExists() {
        List<String> mounts = new ArrayList<>();
        COMPOSE.path("services").forEach(s -> s.path("volumes").forEach(v -> mounts.add(v.asText())));
        COMPOSE.path("secrets").forEach(s -> mounts.add(s.path("file").asText()));
        assertThat(mounts.stream().filter(v -> v.startsWith("./") && !v.startsWith("./.secrets/"))).isNotEmpty()
                .allSatisfy(v -> assertThat(ROOT.resolve(v.split(":")[0])).exists());
    }

    private static void withoutDraft4Ids(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isTextual()) {
            object.remove("id");
        }
        node.forEach(ComposeFileTest::withoutDraft4Ids);
    }

    /** The variables that .env.example names (and compose-env writes). */
    static Set<String> exampleVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.substring(0, line.indexOf('=')));
            }
        }
        return names;
    }

    private static JsonNode read(Path file) {
        try {
            Map<String, Object> yaml = new Yaml().load(Files.readString(file));
            return JSON.valueToTree(yaml);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
