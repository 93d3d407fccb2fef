package nl.weerbaar.vitalstatus.simulation;

import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The simulation's rules, from configuration: {@code weerbaar.vital.*}. */
@Configuration
class SimulationConfiguration {

    @Bean
    CascadeModel.Rules cascadeRules(@Value("${weerbaar.vital.low-backup-hours:2}") double lowBackupHours,
                                    @Value("${weerbaar.vital.emergency-number-providers:alarmnummer-112}")
                                    Set<String> emergencyNumbers) {
        return new CascadeModel.Rules(lowBackupHours, emergencyNumbers);
    }
}
