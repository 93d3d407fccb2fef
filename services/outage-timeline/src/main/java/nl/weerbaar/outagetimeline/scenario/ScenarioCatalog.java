package nl.weerbaar.outagetimeline.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The scenarios trainers can play: those shipped with the service ({@code classpath:scenarios/*.yaml}, checked at
 * start-up so a broken one never ships) and those trainers uploaded (the file as written, in {@code scenarios}).
 */
@Component
public class ScenarioCatalog {

    static final String COLLECTION = "scenarios";

    private final Map<String, Scenario> builtIn = new TreeMap<>();
    private final Map<String, String> builtInFiles = new TreeMap<>();
    private final Map<String, Scenario> uploadedCache = new ConcurrentHashMap<>();
    private final ScenarioParser parser;
    private final MongoTemplate mongo;
    private final Clock clock;

    public ScenarioCatalog(ScenarioParser parser, MongoTemplate mongo, Clock clock) throws IOException {
        this.parser = parser;
        this.mongo = mongo;
        this.clock = clock;
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:scenarios/*.yaml")) {
            try (InputStream in = resource.getInputStream()) {
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Scenario scenario = parser.parse(yaml);
                builtIn.put(scenario.id(), scenario);
                builtInFiles.put(scenario.id(), yaml);
            } catch (InvalidScenarioException e) {
                throw new IllegalStateException("shipped scenario " + resource.getFilename() + " is invalid: "
                        + e.problems(), e);
            } catch (IOException e) {
                throw new UncheckedIOException("scenario " + resource.getFilename() + " cannot be read", e);
            }
        }
    }

    public List<ScenarioSummary> all() {
        List<ScenarioSummary> all = new ArrayList<>();
        builtIn.values().forEach(s -> all.add(ScenarioSummary.of(s, "built-in")));
        for (Uploaded uploaded : mongo.findAll(Uploaded.class, COLLECTION)) {
            all.add(ScenarioSummary.of(parsed(uploaded), "uploaded"));
        }
        return all;
    }

    public Optional<Scenario> find(String id) {
        if (builtIn.containsKey(id)) {
            return Optional.of(builtIn.get(id));
        }
        return Optional.ofNullable(mongo.findById(id, Uploaded.class, COLLECTION)).map(this::parsed);
    }

    public Optional<String> file(String id) {
        if (builtInFiles.containsKey(id)) {
            return Optional.of(builtInFiles.get(id));
        }
        return Optional.ofNullable(mongo.findById(id, Uploaded.class, COLLECTION)).map(Uploaded::yaml);
    }

    /** Checks and stores an uploaded file; an id that exists already is refused, never overwritten. */
    public Scenario upload(String yaml, String trainer) {
        Scenario scenario = parser.parse(yaml);
        if (builtIn.containsKey(scenario.id())) {
            throw new ScenarioExistsException(scenario.id());
        }
        try {
            mongo.insert(new Uploaded(scenario.id(), yaml, trainer, clock.instant()), COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new ScenarioExistsException(scenario.id());
        }
        return scenario;
    }

    private Scenario parsed(Uploaded uploaded) {
        return uploadedCache.computeIfAbsent(uploaded.id(), id -> parser.parse(uploaded.yaml()));
    }

    record Uploaded(@Id String id, String yaml, String uploadedBy, Instant uploadedAt) {
    }

    /** A scenario with this id exists already. */
    public static class ScenarioExistsException extends RuntimeException {
        public ScenarioExistsException(String id) {
            super(id);
        }
    }
}
