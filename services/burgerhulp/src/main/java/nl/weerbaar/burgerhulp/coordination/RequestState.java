package nl.weerbaar.burgerhulp.coordination;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;

/** A help request inside the model: its life cycle, the volunteers asked so far and the offers that stand. */
public class RequestState {

    public static final String OPEN = "open";
    public static final String ACCEPTED = "accepted";
    public static final String EN_ROUTE = "en-route";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String ESCALATED = "escalated";

    public HelpRequestOpened request;
    /** Its place in the order requests came into the model: how the store gives the model back in that order. */
    public long order;
    public String status = OPEN;
    public int round;
    public Set<String> asked = new LinkedHashSet<>();
    public Map<String, Offer> offers = new LinkedHashMap<>();
    public String assignee;
    public Long doneAt;

    public RequestState() {
        // for the store
    }

    RequestState(HelpRequestOpened request) {
        this.request = request;
    }

    /** Taken (by someone), escalated or done: no more offers, no more answers. */
    public boolean settled() {
        return !OPEN.equals(status);
    }

    /**
     * Completed or escalated: nothing changes it any more (an answer or report that comes later is refused), so the
     * store need not look at it again once it has written it so.
     */
    public boolean finished() {
        return (COMPLETED.equals(status) || ESCALATED.equals(status)) && doneAt == null;
    }

    /** Someone is on it and has not finished yet. */
    public boolean assigned() {
        return assignee != null && (ACCEPTED.equals(status) || EN_ROUTE.equals(status));
    }

    /**
     * An offer made at {@code offeredAt} over {@code channel} that stands until {@code expiresAt}; for a volunteer the
     * simulation answers for, the answer it will give and when ({@code answerAt} null: no answer, it will expire).
     */
    public record Offer(String offerId, String volunteerId, long expiresAt, int etaMinutes, Long answerAt,
                        boolean accepts, String channel, long offeredAt) {
    }
}
