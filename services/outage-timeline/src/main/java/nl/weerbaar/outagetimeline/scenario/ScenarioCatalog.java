package nl.weerbaar.outagetimeline.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The scenarios shipped with the service ({@code classpath:scenarios/*.yaml}). */
@Component
public class ScenarioCatalog {

    private final Map<String, ScenarioSummary> scenarios = new TreeMap<>();

    public ScenarioCatalog() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:scenarios/*.yaml")) {
            try (InputStream in = resource.getInputStream()) {
                ScenarioSummary scenario = yaml.readValue(in, ScenarioSummary.class);
                scenarios.put(scenario.id(), scenario);
            } catch (IOException e) {
                throw new UncheckedIOException("scenario " + resource.getFilename() + " cannot be read", e);
            }
        }
    }

    public Collection<ScenarioSummary> all() {
        return scenarios.values();
    }

    public Optional<ScenarioSummary> find(String id) {
        return Optional.ofNullable(scenarios.get(id));
    }
}
