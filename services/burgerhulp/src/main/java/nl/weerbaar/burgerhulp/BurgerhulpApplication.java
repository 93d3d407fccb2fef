package nl.weerbaar.burgerhulp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Burgerhulp: citizen volunteers matched to help requests and coordinated. */
@SpringBootApplication
public class BurgerhulpApplication {

    public static void main(String[] args) {
        SpringApplication.run(BurgerhulpApplication.class, args);
    }
}
