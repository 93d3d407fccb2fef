package nl.weerbaar.noodsteunpunt;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;

@WeerbaarIntegrationTest
class NoodsteunpuntFoundationTest extends ServiceFoundationContract {
}
