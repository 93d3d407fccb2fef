package nl.weerbaar.kit.readmodel;

import java.util.List;
import nl.weerbaar.kit.clock.ClockKitConfiguration;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.SecurityKitConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/** Every read model a service declares ({@link ReadModel.Folder} beans) can be rebuilt from the topics. */
@AutoConfiguration(after = {SecurityKitConfiguration.class, ClockKitConfiguration.class})
public class ReadModelConfiguration {

    @Bean
    public ReadModelRebuild readModelRebuild(ObjectProvider<ReadModel.Folder> folders,
                                             KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin,
                                             MongoTemplate mongo) {
        List<ReadModel> models = folders.orderedStream().map(ReadModel.Folder::readModel).toList();
        return new ReadModelRebuild(models, listeners, kafkaAdmin, mongo);
    }

    @Bean
    public ReadModelController readModelController(ReadModelRebuild rebuild, Access access) {
        return new ReadModelController(rebuild, access);
    }
}
