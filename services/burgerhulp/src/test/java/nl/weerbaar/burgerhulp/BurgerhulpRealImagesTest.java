package nl.weerbaar.burgerhulp;

import nl.weerbaar.kit.test.ServiceFoundationContract;
import nl.weerbaar.kit.test.WeerbaarRealImagesTest;

/**
 * The foundation contract — health, the clock followed from every contract example, poison on every consumed topic
 * dead-lettered — with the service's repositories and messaging on the real mongo and apache/kafka images
 * (`@ServiceConnection`); runs where Docker does, skipped cleanly here.
 */
@WeerbaarRealImagesTest
class BurgerhulpRealImagesTest extends ServiceFoundationContract {
}
