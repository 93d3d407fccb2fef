package nl.weerbaar.situatiebeeld.map;

import nl.weerbaar.kit.security.Access;
import nl.weerbaar.situatiebeeld.picture.Watchers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the page gets its base map from; the page's policy allows images from that tile server alone. */
@RestController
class MapController {

    private final Access access;
    private final MapSettings settings;

    MapController(Access access, MapSettings settings) {
        this.access = access;
        this.settings = settings;
    }

    @GetMapping("/api/map")
    MapSettings map() {
        access.requireAnyRole(Watchers.roles());
        return settings;
    }
}
