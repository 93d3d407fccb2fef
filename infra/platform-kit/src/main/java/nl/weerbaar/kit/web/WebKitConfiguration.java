package nl.weerbaar.kit.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/** Problem details for every service's REST errors. */
// before WebMvcAutoConfiguration, so Boot's own ProblemDetailsExceptionHandler steps back for ours
// and before ErrorMvcAutoConfiguration, so its error controller steps back for ours
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
        beforeName = {"org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration",
            "org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication
@EnableConfigurationProperties({WebKitProperties.class, ApiProperties.class})
public class WebKitConfiguration {

    /** Dutch by default, English on request, nothing else (replaces Boot's, which takes any language). */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    public LocaleResolver localeResolver() {
        return new OperatorLocaleResolver();
    }

    @Bean
    public ProblemResponses problemResponses(Problems problems, ObjectMapper json, LocaleResolver localeResolver) {
        return new ProblemResponses(problems, json, localeResolver);
    }

    /** First of all filters: a body beyond its limit is refused before security or parsing spends time on it. */
    @Bean
    public FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(WebKitProperties limits,
                                                                   ProblemResponses problems) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(limits, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public ProblemErrorController problemErrorController(ProblemResponses problems) {
        return new ProblemErrorController(problems);
    }

    /** Spring Security's firewall (an encoded slash, {@code ;}, {@code %25} …): 400 as problem+json, not a 500. */
    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "request-rejected");
    }

    /** Tomcat's own error report (what its connector refuses) as problem+json. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(
            ObjectProvider<ProblemResponses> problems) {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve(problems));
            }
        });
    }

    @Bean
    public Problems problems(MessageSource messageSource) {
        return new Problems(messageSource);
    }

    /** The service's OpenAPI description, with the two ways to authenticate. */
    @Bean
    public OpenAPI weerbaarOpenApi(@Value("${spring.application.name}") String name, ApiProperties api) {
        return new OpenAPI()
                .info(new Info().title("Weerbaar " + name).version("v1").description(api.description()))
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
