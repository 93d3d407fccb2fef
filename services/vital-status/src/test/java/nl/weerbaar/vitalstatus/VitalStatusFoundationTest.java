package nl.weerbaar.vitalstatus;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;

@WeerbaarIntegrationTest
class VitalStatusFoundationTest extends ServiceFoundationContract {
}
