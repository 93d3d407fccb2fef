package nl.weerbaar.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
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

    @Bean
    public ProblemHandler problemHandler(Problems problems) {
        return new ProblemHandler(problems);
    }
}
