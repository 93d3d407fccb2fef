package nl.weerbaar.burgerhulp.coordination;

import java.util.Set;
import nl.weerbaar.kit.model.ExerciseModelStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The coordination rules from configuration ({@code weerbaar.burgerhulp.*}) and the store of each exercise's model. */
@Configuration
class CoordinationConfiguration {

    @Bean
    CoordinationRules coordinationRules(@Value("${weerbaar.burgerhulp.offers-per-round:3}") int offers,
                                        @Value("${weerbaar.burgerhulp.offer-minutes.immediate:3}") int immediate,
                                        @Value("${weerbaar.burgerhulp.offer-minutes.urgent:10}") int urgent,
                                        @Value("${weerbaar.burgerhulp.offer-minutes.normal:30}") int normal,
                                        @Value("${weerbaar.burgerhulp.task-minutes:30}") int task,
                                        @Value("${weerbaar.burgerhulp.pool.report-in-share:0.4}") double share,
                                        @Value("${weerbaar.burgerhulp.pool.report-in-km:3}") double km) {
        return new CoordinationRules(offers, immediate, urgent, normal, task, share, km);
    }

    /** Which providers decide whether volunteers can be phoned and whether cars have fuel. */
    @Bean
    OutageLinks outageLinks(@Value("${weerbaar.burgerhulp.phone-providers:mobiel-netwerk,vaste-telefonie}")
                            Set<String> phones,
                            @Value("${weerbaar.burgerhulp.fuel-providers:tankstations}") Set<String> fuel) {
        return new OutageLinks(phones, fuel);
    }

    /** Each exercise's coordination, stored whole after every step (collection {@code coordination_models}). */
    @Bean
    ExerciseModelStore<CoordinationModel> coordinationModels(MongoTemplate mongo) {
        return new ExerciseModelStore<>(mongo, "coordination_models", CoordinationModel.class);
    }

    /** @param phones providers of which one working is enough to phone volunteers; @param fuel fuel providers */
    record OutageLinks(Set<String> phones, Set<String> fuel) {
    }
}
