package nl.weerbaar.contracts;

import java.util.List;

/** Scenario times as trainers write and read them: {@code H:MM} after the power failed (T+0). */
public final class ScenarioTime {

    private ScenarioTime() {
    }

    public static long parse(String at) {
        String[] parts = at.split(":");
        return Long.parseLong(parts[0]) * 3600 + Long.parseLong(parts[1]) * 60;
    }

    public static String format(long seconds) {
        return "T+%d:%02d".formatted(seconds / 3600, seconds % 3600 / 60);
    }

    /** The time bands of the outage table (seeds/README.md), in order. */
    public static final List<String> BANDS = List.of("0-2h", "2-4h", "4-24h", "24h+");

    /** The band of the outage table a scenario time falls in. */
    public static String band(long seconds) {
        long hours = seconds / 3600;
        if (hours < 2) {
            return "0-2h";
        }
        if (hours < 4) {
            return "2-4h";
        }
        return hours < 24 ? "4-24h" : "24h+";
    }
}
