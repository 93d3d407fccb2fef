package nl.weerbaar.burgerhulp.request;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.scenario.Text;
import org.springframework.data.annotation.Id;

/**
 * A help request as coordinators and the crisis team follow it: what is needed where and by when, its status
 * ({@code open} waiting for a round, {@code offered}, {@code accepted}, {@code en-route}, {@code completed},
 * {@code escalated}), every offer with its answer, who took it, how long matching took, and each step in order.
 */
public class HelpRequestView {

    public static final String OPEN = "open";
    public static final String OFFERED = "offered";
    public static final String ACCEPTED = "accepted";
    public static final String EN_ROUTE = "en-route";
    public static final String COMPLETED = "completed";
    public static final String ESCALATED = "escalated";

    @Id @JsonIgnore public String id;
    public String exerciseId;
    public String requestId;
    public HelpRequestOpened request;
    public String status = OPEN;
    public String assignee;
    public Long acceptedAtSeconds;
    public Long completedAtSeconds;
    public String escalationReason;
    public Text escalationMessage;
    public Long escalatedAtSeconds;
    public long lastChangeSeconds;
    public List<OfferView> offers = new ArrayList<>();
    public List<Step> steps = new ArrayList<>();
    @JsonIgnore public List<String> appliedEventIds = new ArrayList<>();

    public HelpRequestView() {
        // for the store
    }

    HelpRequestView(HelpRequestOpened request) {
        this.id = key(request.exerciseId(), request.requestId());
        this.exerciseId = request.exerciseId();
        this.requestId = request.requestId();
        this.request = request;
        this.lastChangeSeconds = request.atSeconds();
    }

    static String key(String exerciseId, String requestId) {
        return exerciseId + "|" + requestId;
    }

    /** Scenario minutes from the request to the accepted offer: the time to match. */
    public Long getMinutesToMatch() {
        return acceptedAtSeconds == null ? null : (acceptedAtSeconds - request.atSeconds()) / 60;
    }

    /** Nobody has it yet and it is not escalated: offers can be made and answered. */
    boolean unsettled() {
        return OPEN.equals(status) || OFFERED.equals(status);
    }

    boolean assigned() {
        return ACCEPTED.equals(status) || EN_ROUTE.equals(status);
    }

    Optional<OfferView> offer(String offerId) {
        return offers.stream().filter(o -> o.offerId().equals(offerId)).findFirst();
    }

    boolean hasStandingOffer() {
        return offers.stream().anyMatch(OfferView::standing);
    }

    void step(long at, String what, String volunteerId, String by) {
        steps.add(new Step(at, what, volunteerId, by));
        lastChangeSeconds = Math.max(lastChangeSeconds, at);
    }

    /** One thing that happened to the request, for its timeline. */
    public record Step(long atSeconds, String what, String volunteerId, String by) {
    }
}
