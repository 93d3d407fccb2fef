package nl.weerbaar.burgerhulp.nsp;

import nl.weerbaar.contracts.noodsteunpunt.NspState;
import nl.weerbaar.contracts.scenario.NspSite;
import org.springframework.data.annotation.Id;

/** A noodsteunpunt as burgerhulp knows it from the noodsteunpunt topic: where it is and whether it is in use. */
public record KnownNsp(@Id String id, String exerciseId, NspSite nsp, NspState state) {

    static String key(String exerciseId, String nspId) {
        return exerciseId + "|" + nspId;
    }
}
