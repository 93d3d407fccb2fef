package nl.weerbaar.outagetimeline.scenario;

import java.util.Collection;
import nl.weerbaar.kit.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ScenarioController {

    private final ScenarioCatalog catalog;

    ScenarioController(ScenarioCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/scenarios")
    Collection<ScenarioSummary> all() {
        return catalog.all();
    }

    @GetMapping("/api/scenarios/{id}")
    ScenarioSummary one(@PathVariable String id) {
        return catalog.find(id).orElseThrow(() -> ApiException.notFound("scenario.unknown", id));
    }
}
