package nl.weerbaar.outagetimeline.exercise;

import nl.weerbaar.contracts.scenario.Inject;
import org.springframework.data.annotation.Id;

/**
 * One inject of one exercise's plan (collection {@code exercise_injects}, id {@code exercise/inject}): pending, held
 * (fires only by hand), fired, skipped or cancelled. {@code version} is the offset of the last event applied to it.
 */
public record PlannedInject(@Id String id, String exerciseId, Inject inject, String origin, Status status,
                            Long firedAtSeconds, String trigger, long version) {

    public enum Status { PENDING, HELD, FIRED, SKIPPED, CANCELLED }

    static String key(String exerciseId, String injectId) {
        return exerciseId + "/" + injectId;
    }

    boolean isOpen() {
        return status == Status.PENDING || status == Status.HELD;
    }
}
