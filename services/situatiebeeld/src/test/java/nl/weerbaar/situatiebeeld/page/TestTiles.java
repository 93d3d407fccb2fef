package nl.weerbaar.situatiebeeld.page;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tile server for the page's tests (PDOK is out of reach here): a plain tile for any {@code z/x/y}, or none at all
 * while {@link #AVAILABLE} is off, as when a crisis centre's network has no internet.
 */
@RestController
class TestTiles {

    static final AtomicBoolean AVAILABLE = new AtomicBoolean(true);
    static final AtomicInteger SERVED = new AtomicInteger();

    private static final byte[] TILE = tile();

    @GetMapping(value = "/assets/test-tiles/{z}/{x}/{y}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> tile(@PathVariable int z, @PathVariable int x, @PathVariable int y) {
        if (!AVAILABLE.get()) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        SERVED.incrementAndGet();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(TILE);
    }

    private static byte[] tile() {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xEEF1E6));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0xD5DACB));
        g.drawRect(0, 0, 255, 255);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
