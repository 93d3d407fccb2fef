package nl.weerbaar.burgerhulp;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;

@WeerbaarIntegrationTest
class BurgerhulpFoundationTest extends ServiceFoundationContract {
}
