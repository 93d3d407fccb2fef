package nl.weerbaar.kit.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Problem details for every service's REST errors. */
// before WebMvcAutoConfiguration, so Boot's own ProblemDetailsExceptionHandler steps back for ours
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
        beforeName = "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration")
@ConditionalOnWebApplication
public class WebKitConfiguration {

    @Bean
    public Problems problems(MessageSource messageSource) {
        return new Problems(messageSource);
    }

    /** The service's OpenAPI description, with the two ways to authenticate. */
    @Bean
    public OpenAPI weerbaarOpenApi(@Value("${spring.application.name}") String name,
                                   @Value("${weerbaar.api.description:}") String description) {
        return new OpenAPI()
                .info(new Info().title("Weerbaar " + name).version("v1").description(description))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** REST bodies read strictly: no coerced types, no numbers beyond a double's range ({@link StrictJson}). */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return StrictJson.customizer();
    }

    @Bean
    public ProblemHandler problemHandler(Problems problems) {
        return new ProblemHandler(problems);
    }
}
