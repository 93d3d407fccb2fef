package nl.weerbaar.outagetimeline.scenario;

import java.time.LocalDateTime;

/**
 * What the hour of day and the weather do to the population model. An outage at 17:30 on a January evening is not one
 * at 10:00 in June: homes without power cool down below 10 °C outside, so more households get into need and warmth
 * becomes a need more often; at night few leave home, in the dark hours before and after it more come to a
 * noodsteunpunt for light, warmth and news. A scenario without a start or weather gets factors of 1 (the bands as
 * written).
 */
final class Circumstances {

    /** Below this outside temperature a home without heating cools down noticeably within hours. */
    static final double COMFORT_C = 10;
    /** Share of the written arrival share that still comes at night (00:00–06:00). */
    static final double NIGHT_ARRIVALS = 0.4;
    /** More arrivals in the dark hours outside the night: no light, no heating, no news at home. */
    static final double DARK_ARRIVALS = 1.25;

    // sunrise and sunset in the Netherlands around the middle of each month, local (summer) time, in hours
    private static final double[] SUNRISE = {8.7, 8.0, 7.1, 6.9, 5.9, 5.3, 5.6, 6.4, 7.3, 8.1, 8.0, 8.7};
    private static final double[] SUNSET = {16.9, 17.8, 18.7, 20.4, 21.2, 22.0, 21.9, 21.0, 19.9, 18.8, 16.9, 16.5};

    /**
     * @param inNeedFactor  on the band's households in need per hour
     * @param warmthFactor  on the share of them that needs warmth (at most 95 %)
     * @param arrivalFactor on the share that turns to a noodsteunpunt (at most all)
     * @param dark          whether the hour lies (mostly) between sunset and sunrise
     */
    record Hour(double inNeedFactor, double warmthFactor, double arrivalFactor, boolean dark) {

        static final Hour NEUTRAL = new Hour(1, 1, 1, false);
    }

    private Circumstances() {
    }

    static Hour of(Scenario s, int hour) {
        double cold = s.weather() == null ? 0 : Math.max(0, COMFORT_C - s.weather().temperatureC());
        double inNeed = 1 + cold / 20;   // at −10 °C twice as many households get into need per hour
        double warmth = 1 + cold / 10;   // and three times as many of them need warmth
        if (s.start() == null) {
            return cold == 0 ? Hour.NEUTRAL : new Hour(inNeed, warmth, 1, false);
        }
        LocalDateTime middle = s.start().at(hour * 3600L + 1800);
        double h = middle.getHour() + middle.getMinute() / 60.0;
        int month = middle.getMonthValue() - 1;
        boolean dark = h < SUNRISE[month] || h >= SUNSET[month];
        double arrival = h < 6 ? NIGHT_ARRIVALS : dark ? DARK_ARRIVALS : 1;
        return new Hour(inNeed, warmth, arrival, dark);
    }
}
