package nl.weerbaar.noodsteunpunt.checkin;

import java.util.List;
import org.springframework.data.annotation.Id;

/** A household's visit to a noodsteunpunt: in, and out when it left. No names or addresses, ever. */
public record CheckInView(@Id String id, String exerciseId, String nspId, String checkInId, int householdSize,
                          List<String> needs, boolean lessSelfReliant, String postcode, String note, String source,
                          String householdRef, String redirectedFrom, String by, long inSeconds, Long outSeconds,
                          String outReason) {

    static String key(String exerciseId, String checkInId) {
        return exerciseId + ":" + checkInId;
    }

    boolean present() {
        return outSeconds == null;
    }
}
