package nl.weerbaar.outagetimeline.scenario;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    /** What a trainer asks of the generator: a region's size; the rest comes from the default scenario. */
    record GenerateRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
                                   message = "{validation.id}") String id,
                           @NotBlank @Size(max = 120) String name,
                           @NotNull @Min(1) @Max(5_000) Integer places,
                           @NotNull @Min(1) @Max(20_000_000) Long inhabitants,
                           @Min(1) @Max(10) Integer nspsPerPlace,
                           @DecimalMin("0") @DecimalMax("1000") Double volunteersPerThousand,
                           @Min(1) @Max(1000) Integer nspCapacityPerThousand,
                           Long seed) {
    }

    /**
     * Generates a scenario for a region of the given size (see {@link ScenarioGenerator}) and stores it as if it had
     * been uploaded: the same checks, the same id rules; {@code GET /api/scenarios/{id}/file} gives the file.
     */
    @PostMapping(value = "/api/scenarios/generated", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ScenarioSummary> generate(@Valid @RequestBody GenerateRequest request) {
        access.requireAnyRole(Role.TRAINER);
        if (request.inhabitants() < request.places()) {
            throw ApiException.unprocessable("scenario.too-few-inhabitants", request.inhabitants(), request.places());
        }
        return upload(ScenarioGenerator.yaml(new ScenarioGenerator.Request(request.id(), request.name(),
                request.places(), request.inhabitants(), request.nspsPerPlace() == null ? 1 : request.nspsPerPlace(),
                request.volunteersPerThousand(), request.nspCapacityPerThousand() == null
                        ? ScenarioGenerator.Request.DEFAULT_NSP_CAPACITY_PER_THOUSAND : request.nspCapacityPerThousand(),
                request.seed() == null ? 1 : request.seed())));
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
