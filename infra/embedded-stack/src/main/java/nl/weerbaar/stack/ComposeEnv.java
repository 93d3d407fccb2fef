package nl.weerbaar.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code infra/bin/weerbaar compose-env}: the secrets of the Docker stack (docker-compose.yml), made once on the
 * operator's machine and never committed. {@code .env} holds what the containers get (the services only the hashes of
 * the tokens and passwords, MongoDB and Grafana their passwords), {@code .secrets/monitor.token} the plain token
 * Prometheus sends, and {@code .secrets/credentials.txt} the plain tokens and passwords for the people who use them.
 * All three are readable by their owner only. An existing {@code .env} is kept (its data would no longer open with
 * new MongoDB passwords) unless {@code --force} is given.
 */
public final class ComposeEnv {

    static final String ENV_FILE = ".env";
    static final String SECRETS_DIR = ".secrets";

    private ComposeEnv() {
    }

    public static void main(String[] args) throws IOException {
        boolean force = args.length > 0 && "--force".equals(args[0]);
        if (run(Path.of(System.getProperty("weerbaar.root", ".")), force)) {
            System.out.println("Written: .env, .secrets/monitor.token and .secrets/credentials.txt (the plain tokens "
                    + "and passwords; owner-only). Next: docker compose up -d --build");
        } else {
            System.out.println(".env bestaat al / already exists: kept (its MongoDB data needs these passwords). "
                    + "Use 'infra/bin/weerbaar compose-env --force' for new secrets on a new installation.");
        }
    }

    /** Writes new secrets under {@code root} unless it has a {@code .env} and not {@code force}; true if written. */
    static boolean run(Path root, boolean force) throws IOException {
        if (Files.exists(root.resolve(ENV_FILE)) && !force) {
            return false;
        }
        write(root);
        return true;
    }

    /** Makes new secrets and writes the three files under {@code root}. */
    static void write(Path root) throws IOException {
        Credentials credentials = new Credentials(null);
        Map<String, String> env = new LinkedHashMap<>();
        // the volumes are weerbaar_kafka-data etc. wherever the repository is checked out (README: backup)
        env.put("COMPOSE_PROJECT_NAME", "weerbaar");
        env.put("WEERBAAR_SECURITY_JSON", credentials.springJson());
        env.put("MONGO_ROOT_PASSWORD", Credentials.random());
        env.put("MONGO_APP_PASSWORD", Credentials.random());
        env.put("MONGO_KEYFILE", keyFile());
        env.put("GRAFANA_ADMIN_PASSWORD", Credentials.random().substring(0, 24));
        env.put("KAFKA_UI_PASSWORD", Credentials.random().substring(0, 24));

        StringBuilder text = new StringBuilder("# Weerbaar's Docker stack: made by infra/bin/weerbaar compose-env; "
                + "never commit this file\n");
        // single quotes: compose takes the value literally (the BCrypt hashes hold '$')
        env.forEach((name, value) -> text.append(name).append("='").append(value).append("'\n"));
        Credentials.writePrivate(root.resolve(ENV_FILE), text.toString());

        Path secrets = root.resolve(SECRETS_DIR);
        Files.createDirectories(secrets);
        Credentials.writePrivate(secrets.resolve("monitor.token"), credentials.token("monitor"));
        String uis = "grafana (http://127.0.0.1:3000) user: admin  password: " + env.get("GRAFANA_ADMIN_PASSWORD")
                + "\nkafka ui (http://127.0.0.1:8090) user: operator  password: " + env.get("KAFKA_UI_PASSWORD") + "\n";
        credentials.write(secrets.resolve("credentials.txt"), uis,
                "# Weerbaar Docker stack (docker-compose.yml): made by infra/bin/weerbaar compose-env\n");
    }

    /** A MongoDB replica-set key: 756 base64 characters, the most the docs advise. */
    private static String keyFile() {
        byte[] bytes = new byte[567];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
