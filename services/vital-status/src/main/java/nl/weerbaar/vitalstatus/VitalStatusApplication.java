package nl.weerbaar.vitalstatus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Status of the vital providers: posted by the providers themselves or simulated along the outage, with cascades. */
@SpringBootApplication
public class VitalStatusApplication {

    public static void main(String[] args) {
        SpringApplication.run(VitalStatusApplication.class, args);
    }
}
