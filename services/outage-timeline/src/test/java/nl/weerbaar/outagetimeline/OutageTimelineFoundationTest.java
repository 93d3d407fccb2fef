package nl.weerbaar.outagetimeline;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarIntegrationTest;

@WeerbaarIntegrationTest
class OutageTimelineFoundationTest extends ServiceFoundationContract {
}
