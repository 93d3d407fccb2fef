package nl.weerbaar.noodsteunpunt.nsp;

import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.noodsteunpunt.Stock;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Text;
import org.springframework.data.annotation.Id;

/**
 * A noodsteunpunt as the crisis team reads it: state and since when, why, and its stock as last reported.
 * Occupancy is counted from the check-ins, not kept here.
 */
public record NspView(@Id String id, String exerciseId, NspSite nsp, String origin, NspState state,
                      long sinceSeconds, String reason, String trigger, Text message, Stock stock,
                      Long stockAtSeconds, String lastEventId) {

    static String key(String exerciseId, String nspId) {
        return exerciseId + ":" + nspId;
    }

    NspView withState(NspState next, long at, String why, String by, Text text, String eventId) {
        return new NspView(id, exerciseId, nsp, origin, next, at, why, by, text, stock, stockAtSeconds, eventId);
    }

    NspView withStock(Stock latest, long at, String eventId) {
        return new NspView(id, exerciseId, nsp, origin, state, sinceSeconds, reason, trigger, message, latest, at,
                eventId);
    }
}
