package nl.weerbaar.burgerhulp.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import org.junit.jupiter.api.Test;

/** The due index on its own: what is due by when, in the order the requests came in, and changes placed again. */
class DueRequestsTest {

    private static RequestState request(String id, long order, long deadline) {
        RequestState r = new RequestState(new HelpRequestOpened("oef-1", id, "first-aid", "urgent", deadline, "heesch",
                "nsp-heesch", 51.73, 5.53, false, 1, null, HelpRequestOpened.FROM_NSP, null, 0));
        r.order = order;
        return r;
    }

    private static void offer(RequestState r, long expiresAt, Long answerAt) {
        String id = r.request.requestId() + "-" + (r.offers.size() + 1);
        r.offers.put(id, new RequestState.Offer(id, "v-1", expiresAt, 5, answerAt, true, HelpOffered.BY_PHONE, 0));
    }

    @Test
    void theEarliestOfDeadlineAnswerAndExpiryCountsAndDueRequestsComeInArrivalOrder() {
        RequestState late = request("late", 0, 9000);
        offer(late, 5000, null);
        RequestState answered = request("answered", 1, 9000);
        offer(answered, 5000, 1200L);
        RequestState deadline = request("deadline", 2, 1200);
        offer(deadline, 5000, null);
        DueRequests due = new DueRequests(List.of(late, answered, deadline));

        assertThat(due.next()).isEqualTo(1200);
        assertThat(due.dueBy(1199)).isEmpty();
        assertThat(due.dueBy(1200)).containsExactly(answered, deadline);
        assertThat(due.dueBy(5000)).containsExactly(late, answered, deadline);
        assertThat(due.waiting()).isEmpty();
    }

    @Test
    void aChangedRequestIsPlacedAgainAndASettledOneOnlyWhileItsTaskRuns() {
        RequestState r = request("r", 0, 9000);
        DueRequests due = new DueRequests(List.of(r));
        assertThat(due.waiting()).containsExactly(r); // open without an offer: a round is due at every step
        assertThat(due.next()).isEqualTo(9000);

        offer(r, 600, null);
        due.touched(r);
        assertThat(due.waiting()).isEmpty();
        assertThat(due.next()).isEqualTo(600);

        r.offers.clear();
        r.status = RequestState.EN_ROUTE;
        r.doneAt = 4000L;
        due.touched(r);
        assertThat(due.next()).isEqualTo(4000);
        assertThat(due.open()).isEmpty();

        r.status = RequestState.COMPLETED;
        r.doneAt = null;
        due.touched(r);
        assertThat(due.next()).isEqualTo(Long.MAX_VALUE);
        assertThat(due.dueBy(Long.MAX_VALUE)).isEmpty();
    }
}
