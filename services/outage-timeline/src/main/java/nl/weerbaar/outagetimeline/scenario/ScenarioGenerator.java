package nl.weerbaar.outagetimeline.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a scenario for a region of any size, from the default scenario's sectors, providers, injects, phases and
 * population model: {@code places} places spread over the Netherlands, {@code inhabitants} spread over them (seeded,
 * unevenly, as towns and villages are), {@code nspsPerPlace} local noodsteunpunten per place plus one coordinating
 * one per 60 places, restoration in three stages. The result is a scenario file like any uploaded one and goes
 * through the same checks; the same request gives the same file.
 */
final class ScenarioGenerator {

    static final String TEMPLATE = "scenarios/bernheze-stroomuitval.yaml";
    private static final int PLACES_PER_COORDINATING_NSP = 60;
    private static final double PEOPLE_PER_HOUSEHOLD = 2.15;
    private static final List<String> LOCAL_FACILITIES = List.of("water", "food", "warmth", "generator", "first-aid",
            "charging", "information");
    private static final List<String> COORDINATING_FACILITIES = List.of("water", "food", "warmth", "generator",
            "satellite", "c2000", "first-aid", "charging", "information");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)); // every string quoted: "1:30" stays text

    /**
     * What to generate; {@code volunteersPerThousand} null keeps the template's rate. A place's local NSPs hold
     * {@code nspCapacityPerThousand} people per 1,000 of its inhabitants together (at least 30 each).
     */
    record Request(String id, String name, int places, long inhabitants, int nspsPerPlace,
                   Double volunteersPerThousand, int nspCapacityPerThousand, long seed) {

        /** People per 1,000 inhabitants the local NSPs hold unless asked otherwise. */
        static final int DEFAULT_NSP_CAPACITY_PER_THOUSAND = 10;
    }

    private ScenarioGenerator() {
    }

    static String yaml(Request request) {
        ObjectNode scenario = template();
        Random random = new Random(request.seed());
        scenario.put("id", request.id());
        scenario.put("name", request.name());
        scenario.put("nameEn", request.name());
        scenario.put("region", request.name());
        scenario.put("description", "Gegenereerd: " + request.places() + " plaatsen, " + request.inhabitants()
                + " inwoners, " + request.nspsPerPlace() + " noodsteunpunt(en) per plaats. Storing, cascade en "
                + "herstel zoals in het standaardscenario.");
        scenario.put("seed", request.seed());

        List<Place> places = places(request, random);
        ArrayNode placeNodes = scenario.putArray("places");
        places.forEach(p -> placeNodes.add(p.node()));
        ArrayNode nsps = scenario.putArray("nsps");
        for (Place place : places) {
            for (int n = 1; n <= request.nspsPerPlace(); n++) {
                nsps.add(nsp(place.id() + "-" + n, "Noodsteunpunt " + place.name() + " " + n, "local", place,
                        Math.max(30, (int) (place.inhabitants() * request.nspCapacityPerThousand() / 1000
                                / request.nspsPerPlace())), LOCAL_FACILITIES,
                        random));
            }
        }
        for (int i = 0; i < places.size(); i += PLACES_PER_COORDINATING_NSP) {
            Place seat = places.get(i);
            nsps.add(nsp("coordinerend-" + (i / PLACES_PER_COORDINATING_NSP + 1), "Coördinerend noodsteunpunt "
                    + seat.name(), "coordinating", seat, 100, COORDINATING_FACILITIES, random));
        }
        for (JsonNode provider : scenario.path("providers")) {
            if (provider.has("places")) {
                ArrayNode served = ((ObjectNode) provider).putArray("places");
                places.forEach(p -> served.add(p.id()));
            }
        }
        for (JsonNode inject : scenario.path("injects")) {
            JsonNode effect = inject.path("statusEffect");
            if (effect.has("stage") && effect.has("places")) {
                ArrayNode restored = ((ObjectNode) effect).putArray("places");
                places.stream().filter(p -> p.stage() == effect.path("stage").asInt()).forEach(p -> restored.add(p.id()));
            }
        }
        if (request.volunteersPerThousand() != null) {
            ((ObjectNode) scenario.path("volunteers")).put("perThousandInhabitants", request.volunteersPerThousand());
        }
        try {
            return "# Generated by outage-timeline (POST /api/scenarios/generated)\n" + YAML.writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the generated scenario cannot be written", e);
        }
    }

    private record Place(String id, String name, double lat, double lon, long inhabitants, int stage,
                         String postcode) {

        ObjectNode node() {
            ObjectNode node = YAML.createObjectNode();
            node.put("id", id).put("name", name).put("lat", lat).put("lon", lon).put("inhabitants", inhabitants)
                    .put("households", Math.max(1, Math.round(inhabitants / PEOPLE_PER_HOUSEHOLD)))
                    .put("postcode", postcode).put("restorationStage", stage);
            return node;
        }
    }

    /** Places on a grid over the Netherlands, jittered; inhabitants by uneven weights that add up exactly. */
    private static List<Place> places(Request request, Random random) {
        int n = request.places();
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = Math.pow(random.nextDouble() + 0.05, 2); // a few towns, many villages
            sum += weights[i];
        }
        int columns = (int) Math.ceil(Math.sqrt(n));
        List<Place> places = new ArrayList<>(n);
        long given = 0;
        for (int i = 0; i < n; i++) {
            long inhabitants = i == n - 1 ? request.inhabitants() - given
                    : Math.max(1, Math.round(request.inhabitants() * weights[i] / sum));
            given += inhabitants;
            double lat = 51.35 + 1.7 * ((i / columns) + random.nextDouble() * 0.5) / columns;
            double lon = 4.1 + 2.7 * ((i % columns) + random.nextDouble() * 0.5) / columns;
            String number = "%04d".formatted(i + 1);
            places.add(new Place("plaats-" + number, "Plaats " + number, round(lat), round(lon), inhabitants,
                    1 + i % 3, Integer.toString(1000 + i % 9000)));
        }
        if (given != request.inhabitants() || places.getLast().inhabitants() < 1) {
            throw new IllegalArgumentException("too few inhabitants (" + request.inhabitants() + ") for "
                    + n + " places");
        }
        return places;
    }

    private static ObjectNode nsp(String suffix, String name, String kind, Place place, int capacity,
                                  List<String> facilities, Random random) {
        ObjectNode nsp = YAML.createObjectNode();
        nsp.put("id", "nsp-" + suffix).put("name", name).put("kind", kind).put("placeId", place.id())
                .put("address", "centrum " + place.name())
                .put("lat", round(place.lat() + (random.nextDouble() - 0.5) * 0.01))
                .put("lon", round(place.lon() + (random.nextDouble() - 0.5) * 0.01))
                .put("capacity", capacity);
        ArrayNode has = nsp.putArray("facilities");
        facilities.forEach(has::add);
        nsp.put("operator", "Gemeente " + place.name());
        return nsp;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }

    private static ObjectNode template() {
        try (InputStream in = ScenarioGenerator.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is not on the classpath");
            }
            return (ObjectNode) YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
