package nl.weerbaar.outagetimeline.exercise;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.weerbaar.contracts.ExerciseStatus;

/** A trainer's request for a new exercise; omitted values take the scenario's or sensible defaults. */
public record CreateExerciseRequest(
        @NotBlank String scenarioId,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String exerciseId,
        @Positive Double speed,
        Long seed,
        @PositiveOrZero Long startOffsetSeconds,
        ExerciseStatus status) {
}
