package nl.weerbaar.kit.streams;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Whether the exercise topic brings an event (by id) for the first time. outage-timeline writes it outside a Kafka
 * transaction: after a crash between a send and its bookkeeping it sends the same event again, at a later offset, and
 * applied twice an inject or a population band would happen twice. The ids seen stay in the processor's store under
 * {@link #PREFIX} (some thousand per exercise; '~' sorts after every exercise id, so no exercise's range holds them);
 * the other topics come from exactly-once transactions and carry no such copies.
 */
public final class FirstDelivery {

    public static final String PREFIX = "~seen/";

    private FirstDelivery() {
    }

    /** True the first time; remembers the id in {@code store}. */
    public static boolean of(KeyValueStore<String, String> store, String exerciseId, String eventId) {
        String seen = PREFIX + exerciseId + "/" + eventId;
        if (store.get(seen) != null) {
            return false;
        }
        store.put(seen, "");
        return true;
    }
}
