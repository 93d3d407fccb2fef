package nl.weerbaar.vitalstatus.simulation;

import java.util.Set;
import nl.weerbaar.kit.model.ExerciseModelStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The simulation's rules, from configuration: {@code weerbaar.vital.*}. */
@Configuration
class SimulationConfiguration {

    @Bean
    CascadeModel.Rules cascadeRules(@Value("${weerbaar.vital.low-backup-hours:2}") double lowBackupHours,
                                    @Value("${weerbaar.vital.emergency-number-providers:alarmnummer-112}")
                                    Set<String> emergencyNumbers) {
        return new CascadeModel.Rules(lowBackupHours, emergencyNumbers);
    }

    /** Each exercise's simulation, stored whole after every step (collection {@code cascade_models}). */
    @Bean
    ExerciseModelStore<CascadeModel> cascadeModels(MongoTemplate mongo) {
        return new ExerciseModelStore<>(mongo, "cascade_models", CascadeModel.class);
    }
}
