package nl.weerbaar.kit.web;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The kit's web settings ({@code weerbaar.web.*}): the largest request body taken, and larger limits under some paths
 * (a scenario upload: {@code weerbaar.web.max-body-under[/api/scenarios]=4MB}). Every command is one small JSON
 * object; a body beyond the limit is refused (413) before anything reads it.
 *
 * @param maxBody      the largest request body taken
 * @param maxBodyUnder larger limits for requests under a path prefix (the longest matching prefix counts)
 */
@ConfigurationProperties("weerbaar.web")
public record WebKitProperties(@DefaultValue("256KB") DataSize maxBody, Map<String, DataSize> maxBodyUnder) {

    public WebKitProperties {
        maxBodyUnder = maxBodyUnder == null ? Map.of() : Map.copyOf(maxBodyUnder);
    }

    /** The limit for a request to {@code path}: that of the longest configured prefix, else the default. */
    DataSize maxBodyFor(String path) {
        String best = null;
        for (String prefix : maxBodyUnder.keySet()) {
            if (path.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? maxBody : maxBodyUnder.get(best);
    }
}
