package nl.weerbaar.burgerhulp.coordination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The help requests of one model by when something is next due in them, so a step of the clock looks at the few due
 * now instead of walking every live request (nationally tens of thousands are live at once, and a step comes every few
 * scenario seconds). Also the open requests without a standing offer ("waiting"): a step gives each of them a new
 * round, as it always did. Ordered by the requests' {@link RequestState#order}, so decisions come out in the order
 * the requests came in.
 * <p>
 * The model tells it which requests it {@link #touched} (changed); their place is worked out again before the next
 * question, so a request changed several times in one step is placed once.
 */
final class DueRequests {

    /** When something is due (deadline, an answer, an expiry, a task done) → the requests due then, by order. */
    private final TreeMap<Long, TreeMap<Long, RequestState>> byTime = new TreeMap<>();
    private final Map<RequestState, Long> placedAt = new HashMap<>();
    private final TreeMap<Long, RequestState> waiting = new TreeMap<>();
    private final Set<RequestState> touched = new LinkedHashSet<>();

    DueRequests(Iterable<RequestState> requests) {
        requests.forEach(touched::add);
    }

    /** A request came in or changed: placed again before the next question. */
    void touched(RequestState r) {
        touched.add(r);
    }

    /** The earliest time anything is due in any request; {@link Long#MAX_VALUE} when nothing is. */
    long next() {
        place();
        return byTime.isEmpty() ? Long.MAX_VALUE : byTime.firstKey();
    }

    /** The requests with something due by {@code now}, and those waiting for a round, in the order they came in. */
    List<RequestState> dueBy(long now) {
        place();
        TreeMap<Long, RequestState> due = new TreeMap<>(waiting);
        for (TreeMap<Long, RequestState> at : byTime.headMap(now, true).values()) {
            due.putAll(at);
        }
        return new ArrayList<>(due.values());
    }

    /** The open requests without a standing offer, in the order they came in. */
    List<RequestState> waiting() {
        place();
        return new ArrayList<>(waiting.values());
    }

    /** Every request not settled yet, in the order they came in. */
    List<RequestState> open() {
        place();
        TreeMap<Long, RequestState> open = new TreeMap<>();
        placedAt.keySet().stream().filter(r -> !r.settled()).forEach(r -> open.put(r.order, r));
        return new ArrayList<>(open.values());
    }

    private void place() {
        for (Iterator<RequestState> it = touched.iterator(); it.hasNext(); ) {
            RequestState r = it.next();
            it.remove();
            Long before = placedAt.remove(r);
            if (before != null) {
                NavigableMap<Long, RequestState> at = byTime.get(before);
                at.remove(r.order);
                if (at.isEmpty()) {
                    byTime.remove(before);
                }
            }
            Long due = dueAt(r);
            if (due != null) {
                placedAt.put(r, due);
                byTime.computeIfAbsent(due, t -> new TreeMap<>()).put(r.order, r);
            }
            if (!r.settled() && r.offers.isEmpty()) {
                waiting.put(r.order, r);
            } else {
                waiting.remove(r.order);
            }
        }
    }

    /**
     * The next time something happens in a request by itself: its deadline, an offer's answer or expiry while it is
     * open; its task done once someone is on it; never (null) when it is settled for good.
     */
    static Long dueAt(RequestState r) {
        if (!r.settled()) {
            long next = r.request.deadlineSeconds();
            for (RequestState.Offer o : r.offers.values()) {
                next = Math.min(next, o.answerAt() != null ? Math.min(o.answerAt(), o.expiresAt()) : o.expiresAt());
            }
            return next;
        }
        return r.doneAt;
    }
}
