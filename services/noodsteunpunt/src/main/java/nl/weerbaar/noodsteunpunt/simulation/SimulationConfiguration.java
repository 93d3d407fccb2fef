package nl.weerbaar.noodsteunpunt.simulation;

import java.util.List;
import java.util.Set;
import nl.weerbaar.kit.model.ExerciseModelStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The NSP policies from configuration ({@code weerbaar.nsp.*}) and the store of each exercise's model. */
@Configuration
class SimulationConfiguration {

    @Bean
    NspRules nspRules(@Value("${weerbaar.nsp.power-sectors:netbeheer}") Set<String> powerSectors,
                      @Value("${weerbaar.nsp.emergency-numbers:alarmnummer-112}") Set<String> emergencyNumbers,
                      @Value("${weerbaar.nsp.open-after-power-down-minutes:60}") int powerDownMinutes,
                      @Value("${weerbaar.nsp.open-after-112-down-minutes:30}") int emergencyDownMinutes,
                      @Value("${weerbaar.nsp.opening-minutes:30}") int openingMinutes,
                      @Value("${weerbaar.nsp.close-after-restore-minutes:120}") int closeAfterRestoreMinutes,
                      @Value("${weerbaar.nsp.thresholds-percent:80,100}") List<Integer> thresholds,
                      @Value("${weerbaar.nsp.reopen-below-percent:90}") int reopenBelowPercent,
                      @Value("${weerbaar.nsp.stock.water-litres-per-place:7}") double waterPerPlace,
                      @Value("${weerbaar.nsp.stock.rations-per-place:6}") double rationsPerPlace,
                      @Value("${weerbaar.nsp.stock.generator-hours:24}") double generatorHours,
                      @Value("${weerbaar.nsp.stock.water-per-person-day:3.5}") double waterPerPersonDay,
                      @Value("${weerbaar.nsp.stock.rations-per-person-day:3}") double rationsPerPersonDay,
                      @Value("${weerbaar.nsp.stock.low-share:0.25}") double lowShare,
                      @Value("${weerbaar.nsp.stock.delivery-hours:4}") double deliveryHours) {
        return new NspRules(powerSectors, emergencyNumbers, powerDownMinutes, emergencyDownMinutes, openingMinutes,
                closeAfterRestoreMinutes, thresholds.stream().sorted().toList(), reopenBelowPercent,
                new NspRules.Supplies(waterPerPlace, rationsPerPlace, generatorHours, waterPerPersonDay,
                        rationsPerPersonDay, lowShare, deliveryHours));
    }

    /** Each exercise's NSPs, stored whole after every step (collection {@code nsp_models}). */
    @Bean
    ExerciseModelStore<NspModel> nspModels(MongoTemplate mongo) {
        return new ExerciseModelStore<>(mongo, "nsp_models", NspModel.class);
    }
}
