package nl.weerbaar.outagetimeline.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.exercise.PopulationDemand;
import nl.weerbaar.contracts.scenario.OutageStart;
import nl.weerbaar.contracts.scenario.Weather;
import org.junit.jupiter.api.Test;

/** The start moment and the weather move the population model; without them it is the bands as written. */
class CircumstancesTest {

    private static final Scenario BERNHEZE = bernheze();

    @Test
    void coldBringsMoreHouseholdsIntoNeedAndMoreOfThemNeedWarmth() {
        Scenario mild = with(BERNHEZE, null, new Weather(15));
        Scenario freezing = with(BERNHEZE, null, new Weather(-10));
        assertThat(Circumstances.of(mild, 3)).isEqualTo(Circumstances.Hour.NEUTRAL);
        assertThat(Circumstances.of(freezing, 3).inNeedFactor()).isEqualTo(2.0);
        // twice as many households in need, each as likely to need information; warmth three times as likely
        assertThat(inNeed(freezing, "information")).isGreaterThan(inNeed(mild, "information") * 3 / 2);
        assertThat(inNeed(freezing, "warmth")).isGreaterThan(inNeed(mild, "warmth") * 3);
        // neither start nor weather: the demand is exactly what it was before either existed
        assertThat(hours(mild)).isEqualTo(hours(BERNHEZE));
    }

    @Test
    void atNightFewComeToANoodsteunpuntAndInTheDarkEveningMoreThanByDay() {
        Scenario januaryEvening = with(BERNHEZE, new OutageStart("2027-01-14", "17:30"), null);
        Scenario juneMorning = with(BERNHEZE, new OutageStart("2027-06-14", "10:00"), null);
        // T+0:30 is 18:00 on a January evening: dark; T+8:30 is 02:00: night; T+16:30 is 10:00: day
        assertThat(Circumstances.of(januaryEvening, 0).dark()).isTrue();
        assertThat(Circumstances.of(januaryEvening, 0).arrivalFactor()).isEqualTo(Circumstances.DARK_ARRIVALS);
        assertThat(Circumstances.of(januaryEvening, 8).arrivalFactor()).isEqualTo(Circumstances.NIGHT_ARRIVALS);
        assertThat(Circumstances.of(januaryEvening, 16).dark()).isFalse();
        // T+0:30 is 10:30 in June: light; the same hour of the outage brings fewer people than in January's dark
        assertThat(Circumstances.of(juneMorning, 0).dark()).isFalse();
        assertThat(arrivals(januaryEvening, 0, 4)).isGreaterThan(arrivals(juneMorning, 0, 4));
        assertThat(arrivals(januaryEvening, 8, 12)).isLessThan(arrivals(juneMorning, 8, 12));
    }

    /** Households with {@code need} over the first day. */
    private static int inNeed(Scenario s, String need) {
        return hours(s).stream().flatMap(d -> d.places().stream())
                .mapToInt(p -> p.householdsInNeed().getOrDefault(need, 0)).sum();
    }

    private static int arrivals(Scenario s, int from, int to) {
        return IntStream.range(from, to).mapToObj(h -> PopulationSimulation.hour(s, "oef-1", 7, h).orElseThrow())
                .flatMap(d -> d.places().stream()).mapToInt(p -> p.arrivals().size()).sum();
    }

    private static java.util.List<PopulationDemand> hours(Scenario s) {
        return IntStream.range(0, 24).mapToObj(h -> PopulationSimulation.hour(s, "oef-1", 7, h).orElseThrow()).toList();
    }

    private static Scenario with(Scenario s, OutageStart start, Weather weather) {
        return new Scenario(s.id(), s.name(), s.nameEn(), s.region(), s.description(), s.durationHours(), s.seed(),
                s.sectors(), s.providers(), s.places(), s.nsps(), s.phases(), s.injects(), s.nspPolicy(),
                s.population(), s.volunteers(), start, weather, s.regionInhabitants(), s.objectives(), s.messages());
    }

    /** The default scenario as the parser reads it. */
    static Scenario bernheze() {
        try (InputStream in = CircumstancesTest.class.getClassLoader()
                .getResourceAsStream("scenarios/bernheze-stroomuitval.yaml")) {
            return new ScenarioParser(new SchemaValidator()).parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
