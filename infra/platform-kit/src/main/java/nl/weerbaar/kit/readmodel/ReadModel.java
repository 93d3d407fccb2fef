package nl.weerbaar.kit.readmodel;

import java.util.List;

/**
 * A read model a listener folds from the topics: its name (in the admin API), the listener container that folds it,
 * the consumer name under which that listener remembers applied events, and the MongoDB collections it owns. That is
 * all a rebuild needs to stop, empty and replay it.
 */
public record ReadModel(String name, String listenerId, String consumer, List<String> collections) {

    public ReadModel {
        collections = List.copyOf(collections);
    }

    /** Implemented by the listener component that folds a read model, so the kit can rebuild it. */
    public interface Folder {
        ReadModel readModel();
    }
}
