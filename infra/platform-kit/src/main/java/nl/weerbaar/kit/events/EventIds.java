package nl.weerbaar.kit.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Event ids derived from what the event is, so publishing the same thing twice gives the same id. */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based UUID of the parts, e.g. {@code derived(exerciseId, "inject", injectId)}. */
    public static String derived(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("|", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
