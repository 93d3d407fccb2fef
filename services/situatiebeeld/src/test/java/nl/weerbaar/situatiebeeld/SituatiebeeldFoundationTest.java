package nl.weerbaar.situatiebeeld;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;

@WeerbaarIntegrationTest
class SituatiebeeldFoundationTest extends ServiceFoundationContract {
}
