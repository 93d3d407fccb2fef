package nl.weerbaar.situatiebeeld.map;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code weerbaar.situatiebeeld.map.*}: the base map under the live picture.
 *
 * @param tileUrl     tile URL template ({@code {z}/{x}/{y}}, Web Mercator); by default PDOK's BRT-Achtergrondkaart, the
 *                    government's open base map. A path without a host is served by this service. Empty: no map, the
 *                    plan of places and NSPs only (as when the tiles cannot be loaded)
 * @param attribution who the map is from, shown on it
 * @param maxZoom     the deepest zoom level the tile source serves
 */
@ConfigurationProperties("weerbaar.situatiebeeld.map")
record MapSettings(
        @DefaultValue("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png")
        String tileUrl,
        @DefaultValue("Kaartgegevens © Kadaster (BRT-Achtergrondkaart, PDOK)") String attribution,
        @DefaultValue("19") int maxZoom) {

    MapSettings {
        tileUrl = tileUrl == null ? "" : tileUrl.strip();
        if (maxZoom < 1 || maxZoom > 22) {
            throw new IllegalArgumentException("weerbaar.situatiebeeld.map.max-zoom must be 1–22, not " + maxZoom);
        }
    }

    /** The tile server's origin, which the page's Content-Security-Policy must allow; none for tiles of its own. */
    List<String> origins() {
        if (!tileUrl.contains("://")) {
            return List.of();
        }
        URI uri = URI.create(tileUrl.replace("{", "").replace("}", ""));
        return List.of(uri.getScheme() + "://" + uri.getRawAuthority());
    }
}
