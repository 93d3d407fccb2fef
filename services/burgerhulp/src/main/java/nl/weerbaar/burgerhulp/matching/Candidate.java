package nl.weerbaar.burgerhulp.matching;

import java.util.Set;

/**
 * A volunteer as the matcher sees them: where they are (home, or the NSP they reported in at), what they can, how
 * they travel, how busy they are and how much they have done already (for fairness), and the place they live in
 * (whether their phone works there).
 */
public record Candidate(String volunteerId, double lat, double lon, Set<String> skills, boolean hasCar,
                        int activeTasks, int maxTasks, int completedTasks, int responseMinutes, String presentAtNsp,
                        String homePlaceId) {

    /** A volunteer whose home place is not known. */
    public Candidate(String volunteerId, double lat, double lon, Set<String> skills, boolean hasCar, int activeTasks,
                     int maxTasks, int completedTasks, int responseMinutes, String presentAtNsp) {
        this(volunteerId, lat, lon, skills, hasCar, activeTasks, maxTasks, completedTasks, responseMinutes,
                presentAtNsp, null);
    }

    boolean free() {
        return activeTasks < maxTasks;
    }
}
