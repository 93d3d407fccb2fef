package nl.weerbaar.situatiebeeld.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nl.weerbaar.contracts.EventJson;
import nl.weerbaar.contracts.EventType;
import nl.weerbaar.contracts.burgerhulp.AssignmentProgressed;
import nl.weerbaar.contracts.burgerhulp.HelpOffered;
import nl.weerbaar.contracts.burgerhulp.HelpRequestOpened;
import nl.weerbaar.contracts.burgerhulp.OfferAnswered;
import nl.weerbaar.contracts.exercise.ClockTicked;
import nl.weerbaar.contracts.exercise.ScenarioLoaded;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedIn;
import nl.weerbaar.contracts.noodsteunpunt.CitizenCheckedOut;
import nl.weerbaar.contracts.scenario.NspSite;
import nl.weerbaar.contracts.scenario.Place;
import nl.weerbaar.contracts.scenario.Provider;
import nl.weerbaar.contracts.scenario.Sector;
import nl.weerbaar.contracts.scenario.Text;
import nl.weerbaar.contracts.vital.ProviderState;
import nl.weerbaar.contracts.vital.ProviderStatusChanged;
import nl.weerbaar.contracts.vital.StatusSource;
import nl.weerbaar.situatiebeeld.picture.ReviewPictures;
import nl.weerbaar.situatiebeeld.picture.PictureFolder;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Prints what the after-action review costs on a recording the size of a 72 h exercise of the default scenario
 * (about 33,000 events: ticks, provider statuses, check-ins and -outs, help requests with their offers,
 * answers and completion): the first picture at a scenario time (folds the log and keeps hourly snapshots), a slider
 * move after that (from the snapshot before its time: what one move asks of the service), the fold alone, and the
 * size of the picture sent to the browser. A measurement, not a test: run it with {@code infra/bin/weerbaar bench}.
 */
public final class ReviewBenchmark {

    private static final String EXERCISE = "oef-bench";

    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (var client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
                + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            List<LogEntry> recording = recording();
            mongo.insert(recording, PictureLog.COLLECTION);
            PictureLog log = new PictureLog(mongo);
            ReviewPictures review = new ReviewPictures(log, mongo);

            long[] at = {6 * 3600, 24 * 3600, 48 * 3600, 72 * 3600};
            System.out.printf(Locale.ROOT, "after-action review over a recording of %,d events:%n", recording.size());
            long first = System.nanoTime();
            int firstBytes = review.atJson(EXERCISE, 72 * 3600).length();
            System.out.printf(Locale.ROOT, "  first picture at T+72:00 (folds the whole log, keeps a snapshot at every "
                    + "scenario hour): %.0f ms; %,d bytes of JSON%n", (System.nanoTime() - first) / 1e6, firstBytes);
            for (long t : at) {
                long[] nanos = new long[7];
                int bytes = 0;
                for (int i = 0; i < nanos.length; i++) {
                    long start = System.nanoTime();
                    bytes = review.atJson(EXERCISE, t + 1800 * (i % 2)).length();
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "  slider at T+%d:00 / T+%d:30 (from the snapshot before it): median "
                        + "%.0f ms, max %.0f ms; %,d bytes of JSON%n", t / 3600, t / 3600, nanos[3] / 1e6,
                        nanos[6] / 1e6, bytes);
            }
            long start = System.nanoTime();
            int folds = 20;
            for (int i = 0; i < folds; i++) {
                PictureFolder.fold(EXERCISE, recording);
            }
            System.out.printf(Locale.ROOT, "  folding alone (in memory): %.1f ms for the whole recording, %.1f µs per "
                    + "event%n", (System.nanoTime() - start) / 1e6 / folds,
                    (System.nanoTime() - start) / 1e3 / folds / recording.size());
        } finally {
            server.shutdownNow();
        }
    }

    /** A 72 h recording shaped like the default scenario's. */
    static List<LogEntry> recording() throws JsonProcessingException {
        SplittableRandom random = new SplittableRandom(20261124);
        List<LogEntry> out = new ArrayList<>();
        List<Sector> sectors = new ArrayList<>();
        List<Provider> providers = new ArrayList<>();
        for (int s = 0; s < 15; s++) {
            sectors.add(new Sector("sector-" + s, Text.of("Sector " + s, "Sector " + s)));
            for (int p = 0; p < 2; p++) {
                providers.add(new Provider("provider-" + s + "-" + p, "Provider " + s + "-" + p, "sector-" + s,
                        List.of(), List.of(), List.of(), List.of(), null, false, null, null));
            }
        }
        List<Place> places = new ArrayList<>();
        List<NspSite> nsps = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            places.add(new Place("place-" + n, "Place " + n, 51.6 + n * 0.02, 5.4 + n * 0.03, 4000, 1600, "5384", 1));
            nsps.add(new NspSite("nsp-" + n, "NSP " + n, "local", "place-" + n, "centre", 51.6 + n * 0.02,
                    5.4 + n * 0.03, 150, List.of("water"), "gemeente"));
        }
        add(out, 0, EventType.SCENARIO_LOADED, new ScenarioLoaded(EXERCISE, "bench", Text.of("Bench", "Bench"),
                "Bernheze", 1, 72 * 3600, sectors, providers, places, nsps, List.of(), null, null, null, null));
        for (long t = 300; t <= 72 * 3600; t += 300) {
            add(out, t, EventType.CLOCK_TICKED, new ClockTicked(EXERCISE, t, 600, null));
        }
        for (int i = 0; i < 200; i++) {
            Provider p = providers.get(random.nextInt(providers.size()));
            long t = random.nextLong(72 * 3600);
            add(out, t, EventType.PROVIDER_STATUS_CHANGED, new ProviderStatusChanged(EXERCISE, p.id(), p.sector(),
                    ProviderState.values()[random.nextInt(5)], ProviderState.NORMAL, 2.0, List.of(), null, List.of(), null,
                    null, StatusSource.SIMULATION, null, Text.of("oorzaak", "cause"), List.of(), null, t));
        }
        for (int i = 0; i < 10_000; i++) {
            String nsp = "nsp-" + random.nextInt(8);
            long t = random.nextLong(72 * 3600);
            add(out, t, EventType.CITIZEN_CHECKED_IN, new CitizenCheckedIn(EXERCISE, nsp, "ci-" + i, 2,
                    List.of("water"), false, null, null, "population", "h-" + i, null, null, t));
            add(out, Math.min(72 * 3600, t + 3600), EventType.CITIZEN_CHECKED_OUT, new CitizenCheckedOut(EXERCISE,
                    nsp, "ci-" + i, 2, "left", "population", null, Math.min(72 * 3600, t + 3600)));
        }
        for (int i = 0; i < 1_500; i++) {
            String request = "help-" + i;
            long t = random.nextLong(72 * 3600 - 3600);
            add(out, t, EventType.HELP_REQUEST_OPENED, new HelpRequestOpened(EXERCISE, request, "first-aid",
                    "immediate", t + 1800, "place-1", "nsp-1", 51.6, 5.4, false, 2, null, "nsp", null, t));
            for (int r = 1; r <= 3; r++) {
                add(out, t, EventType.HELP_OFFERED, new HelpOffered(EXERCISE, request, request + "-1-" + r, "v-" + r,
                        1, r, 0.5, 1.0, "walk", 15, "phone", t + 180, t));
                add(out, t + 120, EventType.OFFER_ANSWERED, new OfferAnswered(EXERCISE, request, request + "-1-" + r,
                        "v-" + r, r == 1 ? "accepted" : "expired", null, t + 120));
            }
            add(out, t + 2700, EventType.ASSIGNMENT_PROGRESSED, new AssignmentProgressed(EXERCISE, request, "v-1",
                    "completed", null, t + 2700));
        }
        out.sort(Comparator.comparingLong(LogEntry::atSeconds));
        List<LogEntry> numbered = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            LogEntry e = out.get(i);
            numbered.add(new LogEntry("e-" + i, e.exerciseId(), i + 1, e.topic(), e.type(), e.key(), e.atSeconds(),
                    e.payload()));
        }
        return numbered;
    }

    private static void add(List<LogEntry> out, long at, EventType type, Object payload)
            throws JsonProcessingException {
        out.add(new LogEntry(null, EXERCISE, 0, type.topic(), type.shortName(), null, at,
                EventJson.mapper().writeValueAsString(payload)));
    }
}
