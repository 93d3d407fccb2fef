package nl.weerbaar.noodsteunpunt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Noodsteunpunten (emergency support points): opening, check-ins, needs, capacity and supplies. */
@SpringBootApplication
public class NoodsteunpuntApplication {

    public static void main(String[] args) {
        SpringApplication.run(NoodsteunpuntApplication.class, args);
    }
}
