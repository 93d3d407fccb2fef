package nl.weerbaar.situatiebeeld;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Situatiebeeld: the crisis team's live picture of an exercise, fed by the event streams. */
@SpringBootApplication
public class SituatiebeeldApplication {

    public static void main(String[] args) {
        SpringApplication.run(SituatiebeeldApplication.class, args);
    }
}
