package nl.weerbaar.outagetimeline.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.scenario.ScenarioUploaded;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventIds;
import nl.weerbaar.kit.events.EventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The scenarios trainers can play: those shipped with the service ({@code classpath:scenarios/*.yaml}, checked at
 * start-up so a broken one never ships) and those trainers uploaded. An upload is checked and published on
 * {@code weerbaar.scenarios.v1} (the system of record, kept for good); {@link ScenarioLibraryListener} folds the
 * topic into {@code scenarios} (the file as written), the first upload of an id winning, and the upload answers once
 * the library has it.
 */
@Component
public class ScenarioCatalog {

    static final String COLLECTION = "scenarios";

    private final Map<String, Scenario> builtIn = new TreeMap<>();
    private final Map<String, String> builtInFiles = new TreeMap<>();
    private final Map<String, Scenario> uploadedCache = new ConcurrentHashMap<>();
    private final ScenarioParser parser;
    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Clock clock;

    public ScenarioCatalog(ScenarioParser parser, MongoTemplate mongo, EventPublisher publisher, Clock clock)
            throws IOException {
        this.parser = parser;
        this.mongo = mongo;
        this.publisher = publisher;
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

    /**
     * Checks an uploaded file and publishes it; returns once the library holds it. An id that exists already is
     * refused, never overwritten: also when another trainer's upload of the same id came first a moment earlier (the
     * event id is derived from the scenario id, so the topic keeps one upload per id for every consumer).
     */
    public Scenario upload(String yaml, String trainer) {
        Scenario scenario = parser.parse(yaml);
        if (builtIn.containsKey(scenario.id()) || mongo.exists(Query.query(Criteria.where("_id").is(scenario.id())),
                COLLECTION)) {
            throw new ScenarioExistsException(scenario.id());
        }
        publisher.publishWithId(EventIds.derived(ScenarioUploaded.LIBRARY, "uploaded", scenario.id()), scenario.id(),
                new ScenarioUploaded(scenario.id(), yaml, trainer, clock.instant()),
                EventContext.of(ScenarioUploaded.LIBRARY, ExerciseStatus.EXERCISE, 0));
        Uploaded stored = awaitFolded(scenario.id());
        if (!yaml.equals(stored.yaml())) {
            throw new ScenarioExistsException(scenario.id());
        }
        return scenario;
    }

    /** The library's listener folded an upload: the first of its id stays. */
    void fold(ScenarioUploaded uploaded) {
        try {
            mongo.insert(new Uploaded(uploaded.scenarioId(), uploaded.yaml(), uploaded.uploadedBy(),
                    uploaded.uploadedAt()), COLLECTION);
        } catch (DuplicateKeyException firstOneStays) {
            // another upload of this id came first
        }
    }

    /** The library's entry once the listener has folded it (a moment after the broker acknowledged the upload). */
    private Uploaded awaitFolded(String id) {
        long deadline = System.nanoTime() + FOLD_PATIENCE.toNanos();
        long pause = 5;
        while (true) {
            Uploaded stored = mongo.findById(id, Uploaded.class, COLLECTION);
            if (stored != null) {
                return stored;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("scenario " + id + " is on its topic but not yet in the library");
            }
            LockSupport.parkNanos(Duration.ofMillis(pause).toNanos());
            pause = Math.min(200, pause * 2);
        }
    }

    private static final Duration FOLD_PATIENCE = Duration.ofSeconds(30);

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
