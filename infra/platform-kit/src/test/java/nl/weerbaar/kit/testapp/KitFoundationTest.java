package nl.weerbaar.kit.testapp;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;

@WeerbaarIntegrationTest
class KitFoundationTest extends ServiceFoundationContract {
}
