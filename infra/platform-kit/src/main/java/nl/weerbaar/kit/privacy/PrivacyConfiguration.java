package nl.weerbaar.kit.privacy;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Sealing and opening personal data with the exercises' keys, from the vault database every service shares. */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration")
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PrivacyConfiguration {

    @Bean
    public PersonalData personalData(MongoClient client, Clock clock, PersonalDataProperties settings) {
        return new PersonalData(new ExerciseKeys(new MongoTemplate(client, settings.vaultDatabase()), clock,
                settings));
    }
}
