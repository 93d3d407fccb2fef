package nl.weerbaar.kit.security;

import java.util.List;

/**
 * Origins a service's pages may load images from besides its own (e.g. the tile server of a map). A bean of this type
 * widens {@code img-src} of the Content-Security-Policy; nothing else is widened.
 */
@FunctionalInterface
public interface ImageSources {

    /** Origins such as {@code https://service.pdok.nl}; empty when the images come from the service itself. */
    List<String> origins();
}
