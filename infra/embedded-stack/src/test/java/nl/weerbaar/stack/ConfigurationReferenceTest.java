package nl.weerbaar.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code weerbaar.*} setting is a {@code @ConfigurationProperties} record field (or declared in the kit's
 * additional metadata), and docs/configuration.md is the reference made from that metadata. When a setting changes,
 * {@code ./mvnw -pl infra/embedded-stack test -Dtest=ConfigurationReferenceTest -Dweerbaar.write-docs=true} (after an
 * install) writes the file anew.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of(System.getProperty("weerbaar.root", "../..")).toAbsolutePath().normalize();
    private static final Path REFERENCE = ROOT.resolve("docs/configuration.md");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(weerbaar\\.[a-z0-9.-]+)");

    @Test
    void docsConfigurationIsTheReferenceMadeFromTheSettingsMetadata() throws IOException {
        Map<String, JsonNode> settings = settings();
        assertThat(settings.keySet()).contains("weerbaar.kafka.partitions", "weerbaar.security.tokens",
                "weerbaar.burgerhulp.max-travel-minutes", "weerbaar.situatiebeeld.live-pictures",
                "weerbaar.vital.posts-per-minute", "weerbaar.mongo.in-process");
        String reference = render(settings);
        if (Boolean.getBoolean("weerbaar.write-docs")) {
            Files.writeString(REFERENCE, reference);
        }
        assertThat(REFERENCE).as("docs/configuration.md is out of date: run this test with -Dweerbaar.write-docs=true")
                .hasContent(reference);
    }

    @Test
    void noWeerbaarSettingIsReadOutsideTheMetadataAndNoneWithValue() throws IOException {
        Set<String> known = settings().keySet();
        Set<String> unknown = new TreeSet<>();
        List<String> valueAnnotations = new ArrayList<>();
        for (Path sources : List.of(ROOT.resolve("services"), ROOT.resolve("infra/platform-kit/src/main"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().contains("src/main")
                        && (f.toString().endsWith(".java") || f.toString().endsWith(".yml"))).toList()) {
                    String text = Files.readString(file);
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        if (known.stream().noneMatch(k -> k.equals(m.group(1)) || m.group(1).startsWith(k + "."))) {
                            unknown.add(m.group(1) + " in " + ROOT.relativize(file));
                        }
                    }
                    if (text.contains("@Value(\"${weerbaar.")) {
                        valueAnnotations.add(ROOT.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(unknown).as("weerbaar.* placeholders without a settings record").isEmpty();
        assertThat(valueAnnotations).as("@Value on a weerbaar.* setting").isEmpty();
    }

    /** Every weerbaar.* property in the configuration metadata of the services and the kit, by name. */
    private static Map<String, JsonNode> settings() throws IOException {
        Map<String, JsonNode> settings = new TreeMap<>();
        Enumeration<URL> files = ConfigurationReferenceTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("weerbaar.")) {
                        settings.putIfAbsent(name, property);
                    }
                }
            }
        }
        return settings;
    }

    private static String render(Map<String, JsonNode> settings) {
        StringBuilder md = new StringBuilder("""
                # Configuration reference

                Every `weerbaar.*` setting of the services, made from their configuration metadata (the
                `@ConfigurationProperties` records and the kit's additional metadata) by `ConfigurationReferenceTest`,
                which fails when this file is out of date. Set them as usual for Spring Boot: in `application.yml`, as
                `--weerbaar.kafka.partitions=6` or as environment variables (`WEERBAAR_KAFKA_PARTITIONS=6`). Spring's own
                settings (`spring.kafka.*`, `spring.data.mongodb.*`, `management.*`) are in Spring Boot's reference.

                | setting | type | default | what it does |
                |---|---|---|---|
                """);
        settings.forEach((name, property) -> md.append("| `").append(name).append("` | ")
                .append(simpleType(property.path("type").asText())).append(" | ")
                .append(defaultValue(property.path("defaultValue")))
                .append(" | ").append(description(property.path("description").asText()))
                .append(" |\n"));
        return md.toString();
    }

    /** Javadoc's {@code {@code x}} as Markdown code, {@code {@link X}} as X, on one line. */
    private static String description(String javadoc) {
        return javadoc.replaceAll("\\{@code ([^}]*)\\}", "`$1`").replaceAll("\\{@link ([^}]*)\\}", "$1")
                .replace("\n", " ").replace("|", "\\|");
    }

    /** The default as code, or nothing when there is none (or it is empty). */
    private static String defaultValue(JsonNode value) {
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> items.add(v.asText()));
        } else if (!value.isMissingNode() && !value.asText().isEmpty()) {
            items.add(value.asText());
        }
        return items.isEmpty() ? "" : "`" + String.join(", ", items) + "`";
    }

    /** {@code java.util.Set<java.lang.String>} → {@code Set<String>}. */
    private static String simpleType(String type) {
        return type.replaceAll("[a-z][a-zA-Z0-9]*\\.", "").replaceAll("\\$", ".").replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
