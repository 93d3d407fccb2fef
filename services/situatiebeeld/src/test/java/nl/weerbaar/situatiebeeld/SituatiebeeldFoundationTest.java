package nl.weerbaar.situatiebeeld;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

@WeerbaarIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SituatiebeeldFoundationTest extends ServiceFoundationContract {
}
