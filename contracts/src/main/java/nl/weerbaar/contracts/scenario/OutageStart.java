package nl.weerbaar.contracts.scenario;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** When the power fails, in Dutch local time: {@code date} YYYY-MM-DD, {@code time} HH:MM. */
public record OutageStart(String date, String time) {

    /** The local date and time at scenario time {@code seconds} (T+0 is the failure). */
    public LocalDateTime at(long seconds) {
        return LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time)).plusSeconds(seconds);
    }
}
