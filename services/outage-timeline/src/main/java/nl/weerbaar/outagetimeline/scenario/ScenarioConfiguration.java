package nl.weerbaar.outagetimeline.scenario;

import nl.weerbaar.contracts.SchemaValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScenarioConfiguration {

    @Bean
    ScenarioParser scenarioParser(SchemaValidator validator) {
        return new ScenarioParser(validator);
    }
}
