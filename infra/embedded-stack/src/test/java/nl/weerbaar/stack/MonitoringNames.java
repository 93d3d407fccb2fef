package nl.weerbaar.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.yaml.snakeyaml.Yaml;

/**
 * The metrics that the Grafana dashboards and the Prometheus alert rules name, and those a service exposes: a
 * dashboard or an alert on a metric no service has shows nothing and fires never, silently.
 */
final class MonitoringNames {

    /** Metric names start so; PromQL's functions and labels never do. {@code up} is Prometheus's own. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:weerbaar|kafka|resilience4j|jvm|process|http_server)_[a-z0-9_]+)\\b");
    private static final Pattern EXPOSED = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    private MonitoringNames() {
    }

    /** Every metric named by an alert rule under infra/prometheus/rules or a dashboard under infra/grafana. */
    static Set<String> named(Path root) {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> rules = Files.list(root.resolve("infra/prometheus/rules"));
             Stream<Path> dashboards = Files.list(root.resolve("infra/grafana/dashboards"))) {
            for (Path file : rules.toList()) {
                Map<String, Object> yaml = new Yaml().load(Files.readString(file));
                new ObjectMapper().valueToTree(yaml).findValues("expr").forEach(e -> expressions.add(e.asText()));
            }
            for (Path file : dashboards.toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The metric names in a Prometheus scrape. */
    static Set<String> exposed(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher m = EXPOSED.matcher(scrape);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
