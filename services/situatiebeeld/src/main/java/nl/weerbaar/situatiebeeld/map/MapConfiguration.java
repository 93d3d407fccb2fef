package nl.weerbaar.situatiebeeld.map;

import nl.weerbaar.kit.security.ImageSources;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MapSettings.class)
class MapConfiguration {

    /** The page may load tiles from the configured tile server, and images from nowhere else. */
    @Bean
    ImageSources mapTiles(MapSettings settings) {
        return settings::origins;
    }
}
