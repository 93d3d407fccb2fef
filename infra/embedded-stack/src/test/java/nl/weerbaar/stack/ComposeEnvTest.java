package nl.weerbaar.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code infra/bin/weerbaar compose-env}: every variable docker-compose.yml needs, secrets only the owner reads. */
class ComposeEnvTest {

    @TempDir
    Path root;

    @Test
    void writesEveryVariableTheComposeFileNeedsAndTheMonitorTokenPrometheusSends() throws Exception {
        ComposeEnv.write(root);

        Map<String, String> env = readEnv(root.resolve(".env"));
        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(ComposeFileTest.exampleVariables());
        assertThat(env.values()).allSatisfy(v -> assertThat(v).isNotBlank());
        assertThat(env.get("MONGO_KEYFILE")).hasSize(756).matches("[A-Za-z0-9+/=]+");
        assertThat(env.get("MONGO_APP_PASSWORD")).matches("[0-9a-f]{48}"); // safe inside the services' MongoDB URI
        assertThat(env.get("MONGO_APP_PASSWORD")).isNotEqualTo(env.get("MONGO_ROOT_PASSWORD"));

        // the services get the monitor token's hash; Prometheus the token itself
        String monitorToken = Files.readString(root.resolve(".secrets/monitor.token"));
        JsonNode tokens = new ObjectMapper().readTree(env.get("WEERBAAR_SECURITY_JSON")).at("/weerbaar/security/tokens");
        JsonNode monitor = null;
        for (JsonNode token : tokens) {
            if (token.path("name").asText().equals("monitor")) {
                monitor = token;
            }
        }
        assertThat(monitor).isNotNull();
        assertThat(monitor.path("secret-hash").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(monitorToken.getBytes(StandardCharsets.UTF_8))));
        assertThat(env.get("WEERBAAR_SECURITY_JSON")).doesNotContain(monitorToken);

        assertThat(Files.readString(root.resolve(".secrets/credentials.txt")))
                .contains(monitorToken, env.get("GRAFANA_ADMIN_PASSWORD"), env.get("KAFKA_UI_PASSWORD"));
        for (Path file : new Path[] {root.resolve(".env"), root.resolve(".secrets/monitor.token"),
                root.resolve(".secrets/credentials.txt")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void keepsAnExistingEnvSoThatTheDataStillOpens() throws Exception {
        ComposeEnv.write(root);
        String first = Files.readString(root.resolve(".env"));
        assertThat(ComposeEnv.run(root, false)).isFalse();
        assertThat(Files.readString(root.resolve(".env"))).isEqualTo(first);
        assertThat(ComposeEnv.run(root, true)).isTrue();
        assertThat(Files.readString(root.resolve(".env"))).isNotEqualTo(first);
    }

    /** The .env file as compose reads it: NAME='value' lines. */
    private static Map<String, String> readEnv(Path file) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                String value = line.substring(eq + 1);
                assertThat(value).startsWith("'").endsWith("'").doesNotContain("\n");
                env.put(line.substring(0, eq), value.substring(1, value.length() - 1));
            }
        }
        return env;
    }
}
