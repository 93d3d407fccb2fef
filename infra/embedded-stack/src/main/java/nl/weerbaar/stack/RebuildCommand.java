package nl.weerbaar.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code infra/bin/weerbaar rebuild <service> [read-model]}: empties a running stack's read models of a service (all,
 * or the one named) and refills them from the topics, through the service's admin API with the trainer token of the
 * run; prints the progress until each has caught up.
 */
final class RebuildCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final StackConfig config;
    private final String token;

    private RebuildCommand(StackConfig config, String token) {
        this.config = config;
        this.token = token;
    }

    static int run(StackConfig config, List<String> args) throws IOException, InterruptedException {
        if (args.isEmpty() || !config.servicePorts().containsKey(args.getFirst())) {
            System.err.println("usage: weerbaar rebuild <service> [read-model]; services: " + config.servicePorts()
                    .keySet());
            return 2;
        }
        if (!Files.exists(config.credentialsFile())) {
            System.err.println("Weerbaar draait niet / is not running (no " + config.credentialsFile() + ").");
            return 1;
        }
        String token = Files.readAllLines(config.credentialsFile()).stream()
                .filter(line -> line.startsWith("token trainer "))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no trainer token in " + config.credentialsFile()));
        return new RebuildCommand(config, token).rebuild(args.getFirst(), args.size() > 1 ? args.get(1) : null);
    }

    private int rebuild(String service, String only) throws IOException, InterruptedException {
        String base = "http://localhost:" + config.port(service, 0) + "/api/admin/read-models";
        List<String> names = new ArrayList<>();
        for (JsonNode model : call("GET", base).body()) {
            if (only == null || only.equals(model.path("name").asText())) {
                names.add(model.path("name").asText());
            }
        }
        if (names.isEmpty()) {
            System.err.println(service + " has no read model " + only);
            return 1;
        }
        for (String name : names) {
            Reply started = call("POST", base + "/" + name + "/rebuild");
            if (started.status() != 202) {
                System.err.println(name + ": " + started.body().path("detail").asText(started.body().toString()));
                return 1;
            }
            System.out.printf("%s/%s: emptied %s, refilling from the topics ...%n", service, name,
                    started.body().path("collections"));
            Instant deadline = Instant.now().plus(PATIENCE);
            long remaining;
            do {
                Thread.sleep(1000); // a progress report once a second
                remaining = call("GET", base + "/" + name).body().path("remaining").asLong();
                System.out.printf("  %,d records to go%n", remaining);
            } while (remaining > 0 && Instant.now().isBefore(deadline));
            if (remaining > 0) {
                System.err.println(name + " did not catch up within " + PATIENCE);
                return 1;
            }
            System.out.printf("%s/%s rebuilt.%n", service, name);
        }
        return 0;
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply call(String method, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body().isEmpty() ? "{}" : response.body()));
    }
}
