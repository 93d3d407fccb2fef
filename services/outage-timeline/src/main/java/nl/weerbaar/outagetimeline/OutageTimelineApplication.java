package nl.weerbaar.outagetimeline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Plays a power-outage scenario on the exercise clock; trainers start, pause, speed up, jump, stop, re-run and replay exercises. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutageTimelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutageTimelineApplication.class, args);
    }
}
