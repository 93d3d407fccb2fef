package nl.weerbaar.outagetimeline.exercise;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.ScenarioTime;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.exercise.ExerciseCreated;
import nl.weerbaar.contracts.exercise.ExerciseState;
import nl.weerbaar.kit.events.EventContext;
import nl.weerbaar.kit.events.EventPublisher;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.outagetimeline.recorder.EventCounts;
import nl.weerbaar.outagetimeline.replay.ImportedRecordings;
import nl.weerbaar.outagetimeline.replay.RecordingFile;
import nl.weerbaar.outagetimeline.scenario.Scenario;
import nl.weerbaar.outagetimeline.scenario.ScenarioCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trainers create exercises — new, re-runs and replays — and list them. A command is checked, published as
 * {@code exercise.created} and answered 202; the engine sets the exercise up when it consumes that event (DESIGN.md §1).
 */
@RestController
class ExerciseController {

    private static final double DEFAULT_SPEED = 60;

    private final ScenarioCatalog scenarios;
    private final ExerciseRuns runs;
    private final EventCounts counts;
    private final EventPublisher publisher;
    private final Access access;
    private final ClockOwnership ownership;
    private final Clock clock;
    private final ImportedRecordings imports;
    private final SchemaValidator contracts;

    ExerciseController(ScenarioCatalog scenarios, ExerciseRuns runs, EventCounts counts, EventPublisher publisher,
                       Access access, ClockOwnership ownership, Clock clock, ImportedRecordings imports,
                       SchemaValidator contracts) {
        this.imports = imports;
        this.contracts = contracts;
        this.scenarios = scenarios;
        this.ownership = ownership;
        this.runs = runs;
        this.counts = counts;
        this.publisher = publisher;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/exercises")
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody ExerciseRequests.Create request) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        Scenario scenario = scenarios.find(request.scenarioId())
                .orElseThrow(() -> ApiException.unprocessable("scenario.unknown", request.scenarioId()));
        long offset = request.startOffsetSeconds() == null ? 0 : request.startOffsetSeconds();
        if (offset >= scenario.durationSeconds()) {
            throw ApiException.unprocessable("exercise.offset-beyond-end", offset, scenario.durationHours());
        }
        return publish(new ExerciseCreated(newId(request.exerciseId(), scenario.id()), scenario.id(), scenario.name(),
                request.seed() == null ? scenario.seed() : request.seed(), speed(request.speed()), offset,
                scenario.durationSeconds(), request.status() == null ? ExerciseStatus.EXERCISE : request.status(),
                null, trainer, request.autoStart()));
    }

    /** A new run of the same scenario with the same seed: the same injects and demand, and the services react anew. */
    @PostMapping("/api/exercises/{exerciseId}/rerun")
    ResponseEntity<Map<String, String>> rerun(@PathVariable String exerciseId,
                                              @Valid @RequestBody(required = false) ExerciseRequests.Rerun body) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        ExerciseRequests.Rerun request = body == null ? new ExerciseRequests.Rerun(null, null, null, null) : body;
        ExerciseRun original = known(exerciseId);
        if (original.isReplay()) {
            throw ApiException.conflict("exercise.rerun-of-replay", exerciseId, original.replayOf());
        }
        long offset = request.startOffsetSeconds() == null ? original.startOffsetSeconds() : request.startOffsetSeconds();
        if (offset >= original.durationSeconds()) {
            throw ApiException.unprocessable("exercise.offset-beyond-end", offset, original.durationSeconds() / 3600);
        }
        return publish(new ExerciseCreated(newId(request.exerciseId(), original.scenarioId()), original.scenarioId(),
                original.scenarioName(), original.seed(),
                request.speed() == null ? original.speed() : request.speed(), offset, original.durationSeconds(),
                ExerciseStatus.fromWire(original.status()), null, trainer, request.autoStart()));
    }

    /** A replay re-publishes the recording of a finished or stopped exercise under a new id: a recording, not a run. */
    @PostMapping("/api/exercises/{exerciseId}/replay")
    ResponseEntity<Map<String, String>> replay(@PathVariable String exerciseId,
                                               @Valid @RequestBody(required = false) ExerciseRequests.Replay body) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        ExerciseRequests.Replay request = body == null ? new ExerciseRequests.Replay(null, null, null, null, null) : body;
        ExerciseRun original = known(exerciseId);
        if (!original.state().isOver()) {
            throw ApiException.conflict("exercise.replay-not-over", exerciseId, original.state().name());
        }
        long from = request.fromSeconds() == null ? original.startOffsetSeconds() : request.fromSeconds();
        long to = request.toSeconds() == null ? original.positionSeconds() : request.toSeconds();
        if (from >= to || to > original.durationSeconds()) {
            throw ApiException.unprocessable("exercise.replay-range", from, to, original.durationSeconds());
        }
        return publish(new ExerciseCreated(newId(request.exerciseId(), "replay-" + exerciseId), original.scenarioId(),
                original.scenarioName(), original.seed(), speed(request.speed()), from, to,
                ExerciseStatus.fromWire(original.status()), exerciseId, trainer, request.autoStart()));
    }

    /**
     * What if: a new exercise from the original's state at scenario time {@code atSeconds}. The same scenario and
     * seed are played up to that moment with the original's decisions taken again at their times (the simulations
     * are deterministic, so every service's state at the moment is the original's, rebuilt from the record); then it
     * waits there, paused, and plays on its own. Its created event names the original and the moment.
     */
    @PostMapping("/api/exercises/{exerciseId}/branch")
    ResponseEntity<Map<String, String>> branch(@PathVariable String exerciseId,
                                               @Valid @RequestBody ExerciseRequests.Branch request) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        ExerciseRun original = known(exerciseId);
        if (original.isReplay()) {
            throw ApiException.conflict("exercise.branch-of-replay", exerciseId, original.replayOf());
        }
        long at = request.atSeconds();
        if (at <= original.startOffsetSeconds() || at > original.positionSeconds()
                || at >= original.durationSeconds()) {
            throw ApiException.unprocessable("exercise.branch-moment", ScenarioTime.format(at),
                    ScenarioTime.format(original.startOffsetSeconds()), ScenarioTime.format(original.positionSeconds()));
        }
        return publish(new ExerciseCreated(newId(request.exerciseId(), "tak-" + exerciseId), original.scenarioId(),
                original.scenarioName(), original.seed(), request.speed() == null ? original.speed() : request.speed(),
                original.startOffsetSeconds(), original.durationSeconds(), ExerciseStatus.fromWire(original.status()), null, trainer,
                request.autoStart() == null || request.autoStart(), exerciseId, at));
    }

    /**
     * An export of another installation's exercise (zip or JSON Lines, {@link RecordingFile}) becomes a replay here:
     * the recording is checked line by line and kept ({@link ImportedRecordings}), then replayed under a new id like
     * any replay. A file refused changes nothing.
     */
    @PostMapping("/api/exercises/import")
    ResponseEntity<Map<String, String>> importRecording(@RequestBody byte[] file,
                                                        @RequestParam(required = false) Double speed,
                                                        @RequestParam(required = false) Boolean autoStart) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        if (speed != null && (speed <= 0 || speed > Double.parseDouble(ExerciseRequests.MAX_SPEED))) {
            throw ApiException.badRequest("import.speed", speed, ExerciseRequests.MAX_SPEED);
        }
        RecordingFile.Read read = RecordingFile.read(file, contracts);
        RecordingFile.Header header = read.header();
        if (header.positionSeconds() <= header.startOffsetSeconds()) {
            throw ApiException.unprocessable("exercise.replay-range", header.startOffsetSeconds(),
                    header.positionSeconds(), header.durationSeconds());
        }
        String importId = imports.keep(read);
        ResponseEntity<Map<String, String>> created = publish(new ExerciseCreated(newId(null, "import"),
                header.scenarioId(), header.scenarioName(), header.seed(), speed(speed), header.startOffsetSeconds(),
                header.positionSeconds(), ExerciseStatus.fromWire(header.status()), importId, trainer, autoStart));
        Map<String, String> body = new java.util.LinkedHashMap<>(created.getBody());
        body.put("importId", importId);
        body.put("importedFrom", header.exerciseId());
        return ResponseEntity.status(created.getStatusCode()).headers(created.getHeaders()).body(body);
    }

    @GetMapping("/api/exercises")
    List<ExerciseView> all() {
        return runs.all().stream().map(this::view).toList();
    }

    @GetMapping("/api/exercises/{exerciseId}")
    ExerciseView one(@PathVariable String exerciseId) {
        return view(known(exerciseId));
    }

    /**
     * Where the exercise's clock runs: its partition of the exercise topic, and whether this instance drives it (for
     * operators running several instances: exactly one answers true).
     */
    @GetMapping("/api/exercises/{exerciseId}/clock")
    Map<String, Object> clockOwner(@PathVariable String exerciseId) {
        String id = known(exerciseId).exerciseId();
        return Map.of("exerciseId", id, "partition", ownership.partitionOf(id), "drivenHere", ownership.drives(id));
    }

    private ExerciseView view(ExerciseRun run) {
        EventCounts.Counts c = counts.of(run.exerciseId());
        return ExerciseView.of(run, clock.instant(), c.total(), c.byType());
    }

    private ExerciseRun known(String exerciseId) {
        return runs.find(exerciseId).orElseThrow(() -> ApiException.notFound("exercise.unknown", exerciseId));
    }

    private ResponseEntity<Map<String, String>> publish(ExerciseCreated created) {
        String eventId = publisher.publish(created.exerciseId(), created,
                EventContext.of(created.exerciseId(), created.status(), created.startOffsetSeconds())
                        .asReplayOf(created.replayOf()).withEpoch(epoch()));
        return ResponseEntity.accepted().location(URI.create("/api/exercises/" + created.exerciseId()))
                .body(Map.of("exerciseId", created.exerciseId(), "eventId", eventId));
    }

    /**
     * The instant the new exercise's scenario time counts from: now, in whole seconds. Every event of the exercise is
     * stamped with it plus its scenario time, so Kafka timestamps are scenario time yet near the wall clock.
     */
    private long epoch() {
        return clock.instant().getEpochSecond() * 1000;
    }

    private String newId(String requested, String base) {
        String prefix = "oef-" + LocalDate.now(clock) + "-" + base;
        // at most 58 + 1 + 4 characters: ids are limited to 64
        String id = requested != null ? requested : prefix.substring(0, Math.min(58, prefix.length())) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        if (runs.find(id).isPresent()) {
            throw ApiException.conflict("exercise.exists", id);
        }
        return id;
    }

    private static double speed(Double requested) {
        return requested == null ? DEFAULT_SPEED : requested;
    }
}
