package nl.weerbaar.outagetimeline.exercise;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.weerbaar.contracts.ExerciseStatus;
import nl.weerbaar.contracts.Ids;
import nl.weerbaar.contracts.scenario.StatusEffect;

/** The bodies trainers send; omitted values take the scenario's or sensible defaults. */
final class ExerciseRequests {

    /** Up to a million scenario seconds per second: 72 h in well under a second, i.e. as fast as the system goes. */
    static final String MAX_SPEED = "1000000";
    static final String ID = Ids.PATTERN;

    private ExerciseRequests() {
    }

    record Create(@NotBlank String scenarioId, @Size(max = 64) @Pattern(regexp = ID) String exerciseId,
                  @Positive @DecimalMax(MAX_SPEED) Double speed, Long seed, @PositiveOrZero Long startOffsetSeconds,
                  ExerciseStatus status, Boolean autoStart) {
    }

    record Rerun(@Size(max = 64) @Pattern(regexp = ID) String exerciseId, @Positive @DecimalMax(MAX_SPEED) Double speed,
                 @PositiveOrZero Long startOffsetSeconds, Boolean autoStart) {
    }

    /** A role player's message to the crisis team, sent now. */
    record RoleMessage(@Size(max = 64) @Pattern(regexp = ID) String id, @NotBlank @Size(max = 200) String from,
                       @Size(max = 64) @Pattern(regexp = ID) String providerId,
                       @NotBlank @Size(max = 2000) String textNl, @Size(max = 2000) String textEn) {
    }

    record Branch(@NotNull @Positive Long atSeconds, @Size(max = 64) @Pattern(regexp = ID) String exerciseId,
                  @Positive @DecimalMax(MAX_SPEED) Double speed, Boolean autoStart) {
    }

    record Replay(@Size(max = 64) @Pattern(regexp = ID) String exerciseId, @Positive @DecimalMax(MAX_SPEED) Double speed,
                  @PositiveOrZero Long fromSeconds, @Positive Long toSeconds, Boolean autoStart) {
    }

    record Speed(@NotNull @Positive @DecimalMax(MAX_SPEED) Double speed) {
    }

    record Jump(@NotNull @PositiveOrZero Long toSeconds, Boolean skipInjects) {
    }

    record AdHocInject(@Size(max = 64) @Pattern(regexp = ID) String id, @PositiveOrZero Long offsetSeconds,
                       @NotBlank String sector, @Size(max = 64) String providerId, @NotBlank String effectNl,
                       String effectEn, @NotNull @Pattern(regexp = "minor|moderate|severe|extreme") String severity,
                       @Valid Effect statusEffect, Boolean hold) {
    }

    record Effect(@NotNull @Pattern(regexp = "normal|degraded|on-backup|down|restored|refuel|backup-failed") String effect,
                  @Size(max = 64) String providerId, String sector,
                  @PositiveOrZero @DecimalMax("720") Double hours) { // a backup of thirty days at most

        StatusEffect toStatusEffect() {
            return new StatusEffect(effect, providerId, sector, hours, null, null, null);
        }
    }
}
