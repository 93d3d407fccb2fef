package nl.weerbaar.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code weerbaar.api.*}: how the service describes its API.
 *
 * @param description the OpenAPI description on {@code /v3/api-docs} and the Swagger UI
 */
@ConfigurationProperties("weerbaar.api")
public record ApiProperties(@DefaultValue("") String description) {
}
