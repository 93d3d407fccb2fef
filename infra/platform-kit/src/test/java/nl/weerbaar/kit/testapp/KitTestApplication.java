package nl.weerbaar.kit.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on the kit, to test the kit as services use it. */
@SpringBootApplication
public class KitTestApplication {
}
