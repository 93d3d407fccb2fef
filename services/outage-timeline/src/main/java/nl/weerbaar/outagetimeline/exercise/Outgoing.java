package nl.weerbaar.outagetimeline.exercise;

import java.util.Comparator;
import java.util.function.Consumer;
import nl.weerbaar.kit.events.EventPublisher.Draft;
import nl.weerbaar.kit.events.EventPublisher.Published;

/**
 * One event the timeline is due to publish: when (scenario time), in which order among events of the same second
 * ({@code rank}, then {@code tieBreak}), the drafted event under its derived id, and what to record once the broker
 * has it.
 */
record Outgoing(long at, int rank, String tieBreak, Draft draft, Consumer<Published> after) {

    String eventId() {
        return draft.eventId();
    }

    static final int PHASE = 0;
    static final int INJECT = 1;
    static final int DEMAND = 2;
    static final int VOLUNTEERS = 3;
    /** A decision a branch inherits: taken after everything else of its second, as the clock takes one live. */
    static final int DECISION = 4;
    static final int TICK = 9;

    static final Comparator<Outgoing> ORDER = Comparator.comparingLong(Outgoing::at).thenComparingInt(Outgoing::rank)
            .thenComparing(Outgoing::tieBreak);
}
