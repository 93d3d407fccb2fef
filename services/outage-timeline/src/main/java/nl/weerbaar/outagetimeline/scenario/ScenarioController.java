package nl.weerbaar.outagetimeline.scenario;

import java.net.URI;
import java.util.List;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Trainers list, read and upload scenarios. An upload is checked completely before anything is stored. */
@RestController
class ScenarioController {

    private final ScenarioCatalog catalog;
    private final Access access;

    ScenarioController(ScenarioCatalog catalog, Access access) {
        this.catalog = catalog;
        this.access = access;
    }

    @GetMapping("/api/scenarios")
    List<ScenarioSummary> all() {
        return catalog.all();
    }

    @GetMapping("/api/scenarios/{id}")
    Scenario one(@PathVariable String id) {
        access.requireAnyRole(Role.TRAINER);
        return catalog.find(id).orElseThrow(() -> ApiException.notFound("scenario.unknown", id));
    }

    @GetMapping(value = "/api/scenarios/{id}/file", produces = "application/yaml")
    String file(@PathVariable String id) {
        access.requireAnyRole(Role.TRAINER);
        return catalog.file(id).orElseThrow(() -> ApiException.notFound("scenario.unknown", id));
    }

    @PostMapping(value = "/api/scenarios", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<ScenarioSummary> upload(@RequestBody String yaml) {
        String trainer = access.requireAnyRole(Role.TRAINER).name();
        try {
            Scenario scenario = catalog.upload(yaml, trainer);
            return ResponseEntity.created(URI.create("/api/scenarios/" + scenario.id()))
                    .body(ScenarioSummary.of(scenario, "uploaded"));
        } catch (InvalidScenarioException e) {
            throw ApiException.unprocessable("scenario.invalid", e.problems().size())
                    .withErrors(e.problems().stream().map(ScenarioProblem::asError).toList());
        } catch (ScenarioCatalog.ScenarioExistsException e) {
            throw ApiException.conflict("scenario.exists", e.getMessage());
        }
    }
}
