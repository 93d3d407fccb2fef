package nl.weerbaar.noodsteunpunt.checkin;

import java.util.List;
import nl.weerbaar.kit.privacy.PersonalData;
import org.springframework.data.annotation.Id;

/**
 * A household's visit to a noodsteunpunt: in, and out when it left. No names or addresses, ever; the postcode and note
 * an operator entered are kept sealed, as on the topic.
 */
public record CheckInView(@Id String id, String exerciseId, String nspId, String checkInId, int householdSize,
                          List<String> needs, boolean lessSelfReliant, String postcode, String note, String source,
                          String householdRef, String redirectedFrom, String by, long inSeconds, Long outSeconds,
                          String outReason) {

    static String key(String exerciseId, String checkInId) {
        return exerciseId + ":" + checkInId;
    }

    /** As the operator entered it while the exercise's key exists; without postcode and note after the purge. */
    CheckInView opened(PersonalData data) {
        return new CheckInView(id, exerciseId, nspId, checkInId, householdSize, needs, lessSelfReliant,
                data.openOrNull(postcode), data.openOrNull(note), source, householdRef, redirectedFrom, by, inSeconds,
                outSeconds, outReason);
    }

    boolean present() {
        return outSeconds == null;
    }
}
