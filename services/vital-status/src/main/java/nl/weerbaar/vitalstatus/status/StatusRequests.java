package nl.weerbaar.vitalstatus.status;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.weerbaar.contracts.Ids;

/** What a provider posts about itself. Scenario times as trainers write them: {@code H:MM} after T+0. */
final class StatusRequests {

    static final String STATES = "normal|degraded|on-backup|down|restored";
    static final String SCENARIO_TIME = "[0-9]{1,3}:[0-5][0-9]";

    private StatusRequests() {
    }

    record PostStatus(@NotNull @Pattern(regexp = STATES, message = "{validation.one-of}") String state,
                      @PositiveOrZero @DecimalMax("720") Double backupRemainingHours, // thirty days at most
                      @Size(max = 50) List<@Pattern(regexp = Ids.PATTERN) String> affectedPlaces,
                      @Size(max = 50) List<@Size(min = 1, max = 200) String> affectedServices,
                      @Pattern(regexp = SCENARIO_TIME, message = "{validation.scenario-time}")
                      String expectedRestore,
                      @Size(max = 1000) String message, @Size(max = 1000) String messageEn) {
    }
}
