package nl.weerbaar.noodsteunpunt.checkin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The check-ins of every exercise (collection {@code check_ins}, one document per check-in id, so an event applied
 * twice changes nothing). Occupancy, arrivals per hour and needs are counted from them, never kept as counters
 * that a redelivered event could push off.
 */
@Component
public class CheckIns {

    public static final String CHECK_INS = "check_ins";

    private final MongoTemplate mongo;

    CheckIns(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Folds the check-ins and check-outs of one batch of events into one ordered bulk write ({@link Fold#write}):
     * a check-in only inserts (a redelivered one changes nothing, not even a check-out already folded), a check-out
     * sets the leaving time of a check-in still present.
     */
    public Fold fold() {
        return new Fold();
    }

    /** One batch's writes to {@code check_ins}, in the batch's order. */
    public final class Fold {

        private BulkOperations bulk = newBulk();
        private int operations;
        private final Map<String, CitizenCheckedOut> checkOuts = new LinkedHashMap<>();

        public void checkedIn(CitizenCheckedIn in) {
            String key = CheckInView.key(in.exerciseId(), in.checkInId());
            Document document = new Document();
            mongo.getConverter().write(new CheckInView(key, in.exerciseId(), in.nspId(), in.checkInId(),
                    in.householdSize(), in.needs(), in.lessSelfReliant(), in.postcode(), in.note(), in.source(),
                    in.householdRef(), in.redirectedFrom(), in.by(), in.atSeconds(), null, null), document);
            Update onlyWhenNew = new Update();
            document.forEach((field, value) -> {
                if (!"_id".equals(field)) {
                    onlyWhenNew.setOnInsert(field, value);
                }
            });
            bulk.upsert(Query.query(Criteria.where("_id").is(key)), onlyWhenNew);
            operations++;
        }

        public void checkedOut(CitizenCheckedOut out) {
            checkOuts.putIfAbsent(CheckInView.key(out.exerciseId(), out.checkInId()), out); // the first one counts
        }

        /** Postcodes, notes and household references of the exercise are removed; the counts stay. */
        public void purge(String exerciseId) {
            write(); // the batch's check-ins first, so none comes in after the purge with its postcode
            mongo.updateMulti(Query.query(Criteria.where("exerciseId").is(exerciseId)),
                    new Update().unset("postcode").unset("note").unset("householdRef").unset("by"), CHECK_INS);
        }

        /**
         * What the batch folded so far: the check-ins in one bulk write, then the check-outs of check-ins still
         * present in another. Which are still present is read by id, so every query and update goes by the one index
         * every MongoDB-protocol server has ({@code _id}); a condition on {@code outSeconds} in the update itself had
         * the embedded server scan every check-in of the collection for each check-out.
         */
        public void write() {
            if (operations > 0) {
                bulk.execute();
                bulk = newBulk();
                operations = 0;
            }
            if (checkOuts.isEmpty()) {
                return;
            }
            List<String> present = mongo.find(Query.query(Criteria.where("_id").in(checkOuts.keySet())),
                    CheckInView.class, CHECK_INS).stream().filter(c -> c.outSeconds() == null).map(CheckInView::id)
                    .toList();
            for (String key : present) {
                CitizenCheckedOut out = checkOuts.get(key);
                bulk.updateOne(Query.query(Criteria.where("_id").is(key)), new Update()
                        .set("outSeconds", out.atSeconds()).set("outReason", out.reason()));
                operations++;
            }
            checkOuts.clear();
            if (operations > 0) {
                bulk.execute();
                bulk = newBulk();
                operations = 0;
            }
        }

        private BulkOperations newBulk() {
            return mongo.bulkOps(BulkOperations.BulkMode.ORDERED, CheckInView.class, CHECK_INS);
        }
    }

    public Optional<CheckInView> find(String exerciseId, String checkInId) {
        return Optional.ofNullable(mongo.findById(CheckInView.key(exerciseId, checkInId), CheckInView.class,
                CHECK_INS));
    }

    public List<CheckInView> atNsp(String exerciseId, String nspId, boolean presentOnly) {
        Criteria criteria = Criteria.where("exerciseId").is(exerciseId).and("nspId").is(nspId);
        if (presentOnly) {
            criteria = criteria.and("outSeconds").is(null);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("inSeconds", "_id")), CheckInView.class, CHECK_INS);
    }

    /** Per NSP of the exercise: people present, arrivals in the hour before {@code now}, needs of those present. */
    public Map<String, Occupancy> occupancy(String exerciseId, long now) {
        Map<String, Occupancy> result = new HashMap<>();
        for (CheckInView c : mongo.find(Query.query(Criteria.where("exerciseId").is(exerciseId)
                .orOperator(Criteria.where("outSeconds").is(null), Criteria.where("inSeconds").gt(now - 3600))),
                CheckInView.class, CHECK_INS)) {
            Occupancy o = result.computeIfAbsent(c.nspId(), id -> new Occupancy());
            if (c.present()) {
                o.people += c.householdSize();
                o.households++;
                c.needs().forEach(n -> o.needs.merge(n, c.householdSize(), Integer::sum));
            }
            // no upper bound: a check-in stamped between two ticks may lie a moment past the clock's last tick
            if (c.inSeconds() > now - 3600) {
                o.arrivalsLastHour++;
            }
        }
        return result;
    }

    /** People present, households present, arrivals in the last hour, needs of the people present. */
    public static class Occupancy {
        public int people;
        public int households;
        public int arrivalsLastHour;
        public Map<String, Integer> needs = new TreeMap<>();
    }
}
