package nl.weerbaar.kit.clock;

import java.time.Clock;
import nl.weerbaar.kit.events.EventsConfiguration;
import nl.weerbaar.kit.events.InboundEvents;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Every service follows the exercise clocks unless {@code weerbaar.clock.follow=false}. */
@AutoConfiguration(after = EventsConfiguration.class)
@ConditionalOnProperty(name = "weerbaar.clock.follow", havingValue = "true", matchIfMissing = true)
public class ClockKitConfiguration {

    @Bean
    public ExerciseClocks exerciseClocks(MongoTemplate mongo, Clock clock) {
        return new ExerciseClocks(mongo, clock);
    }

    @Bean
    public ExerciseClockListener exerciseClockListener(InboundEvents inbound, ExerciseClocks clocks,
                                                       Environment environment) {
        return new ExerciseClockListener(inbound, clocks, environment.getRequiredProperty("spring.application.name"));
    }

    @Bean
    public ExerciseClockController exerciseClockController(ExerciseClocks clocks) {
        return new ExerciseClockController(clocks);
    }
}
