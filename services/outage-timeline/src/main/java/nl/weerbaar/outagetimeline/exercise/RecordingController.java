package nl.weerbaar.outagetimeline.exercise;

import java.util.List;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import nl.weerbaar.outagetimeline.replay.RecordedEvent;
import nl.weerbaar.outagetimeline.replay.RecordingFile;
import nl.weerbaar.outagetimeline.replay.RecordingReader;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A trainer exports an exercise: everything recorded on the four streams, in scenario-time order, as a zip of JSON
 * Lines and CSV (or the JSON Lines alone, {@code format=jsonl}), for review elsewhere and to import on another
 * installation ({@code POST /api/exercises/import}). The exercise's own clock is left out: a replay runs its own.
 */
@RestController
class RecordingController {

    private final ExerciseRuns runs;
    private final RecordingReader recordings;
    private final Access access;

    RecordingController(ExerciseRuns runs, RecordingReader recordings, Access access) {
        this.runs = runs;
        this.recordings = recordings;
        this.access = access;
    }

    @GetMapping("/api/exercises/{exerciseId}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String exerciseId,
                                                 @RequestParam(defaultValue = "zip") String format) {
        access.requireAnyRole(Role.TRAINER);
        if (!format.equals("zip") && !format.equals("jsonl")) {
            throw ApiException.badRequest("export.format", format);
        }
        ExerciseRun run = runs.find(exerciseId).orElseThrow(() -> ApiException.notFound("exercise.unknown",
                exerciseId));
        List<RecordedEvent> events = recordings.read(exerciseId, run.startOffsetSeconds(), run.positionSeconds());
        RecordingFile.Header header = new RecordingFile.Header(RecordingFile.FORMAT, exerciseId, run.scenarioId(),
                run.scenarioName(), run.seed(), run.status(), run.startOffsetSeconds(), run.positionSeconds(),
                run.durationSeconds(), events.size());
        boolean zip = format.equals("zip");
        return ResponseEntity.ok()
                .contentType(zip ? MediaType.parseMediaType("application/zip")
                        : MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("weerbaar-" + exerciseId + (zip ? ".zip" : ".jsonl")).build().toString())
                .body(out -> {
                    if (zip) {
                        RecordingFile.writeZip(header, events, out);
                    } else {
                        RecordingFile.writeJsonl(header, events, out);
                    }
                });
    }
}
