package nl.weerbaar.burgerhulp.volunteer;

import nl.weerbaar.contracts.scenario.Volunteer;
import org.springframework.data.annotation.Id;

/**
 * A volunteer of an exercise as coordinators see them: who (skills, home, car), where from ({@code scenario} pool or
 * registered by a {@code coordinator}), and the noodsteunpunt they have reported in at, if any.
 */
public record VolunteerView(@Id String id, String exerciseId, Volunteer volunteer, String origin,
                            long registeredAtSeconds, String presentAt, Long presentSinceSeconds) {

    static String key(String exerciseId, String volunteerId) {
        return exerciseId + "|" + volunteerId;
    }

    VolunteerView withPresence(String nspId, Long since) {
        return new VolunteerView(id, exerciseId, volunteer, origin, registeredAtSeconds, nspId, since);
    }
}
