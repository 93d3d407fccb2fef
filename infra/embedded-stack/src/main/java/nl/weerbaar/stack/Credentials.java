package nl.weerbaar.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Fresh secrets for every start of the embedded stack: nothing secret lives in git. The services get only hashes
 * (SHA-256 for tokens, BCrypt for passwords); the plain values go to a file only the owner can read.
 */
final class Credentials {

    record Token(String name, String role, String secret, Map<String, Object> scope) {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final String crisisPassword;

    /** {@code exerciseId}: the exercise the stack starts, the only one the volunteer's token holds in (null: any). */
    Credentials(String exerciseId) {
        tokens.add(new Token("trainer", "trainer", random(), Map.of()));
        tokens.add(new Token("crisis-team", "crisis-team", random(), Map.of()));
        tokens.add(new Token("coordinator", "coordinator", random(), Map.of()));
        // an observer of the trainers: notes and scores on the exercise, in the report
        tokens.add(new Token("observer", "observer", random(), Map.of()));
        tokens.add(new Token("provider-enexis", "provider", random(), Map.of("providers", List.of("enexis-net"))));
        tokens.add(new Token("provider-bernhoven", "provider", random(),
                Map.of("providers", List.of("ziekenhuis-bernhoven"))));
        tokens.add(new Token("nsp-heesch", "nsp-operator", random(), Map.of("nsps", List.of("nsp-heesch"))));
        // a volunteer the coordinator registers in the exercise as v-1 acts with this token for v-1 only
        tokens.add(new Token("volunteer-v1", "volunteer", random(), exerciseId == null
                ? Map.of("volunteer", "v-1") : Map.of("volunteer", "v-1", "exercises", List.of(exerciseId))));
        // Prometheus or an operator: metrics and health details, nothing else
        tokens.add(new Token("monitor", "monitor", random(), Map.of()));
        crisisPassword = random().substring(0, 16);
    }

    String token(String name) {
        return tokens.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().secret();
    }

    String crisisPassword() {
        return crisisPassword;
    }

    /** {@code SPRING_APPLICATION_JSON} for the services: the hashed principals. */
    String springJson() throws IOException {
        List<Map<String, Object>> tokenConfig = new ArrayList<>();
        for (Token token : tokens) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", token.name());
            t.put("secret-hash", sha256(token.secret()));
            t.put("roles", List.of(token.role()));
            t.putAll(token.scope());
            tokenConfig.add(t);
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", "crisisteam");
        user.put("secret-hash", new BCryptPasswordEncoder().encode(crisisPassword));
        user.put("roles", List.of("crisis-team", "trainer"));
        return new ObjectMapper().writeValueAsString(Map.of("weerbaar", Map.of("security",
                Map.of("tokens", tokenConfig, "users", List.of(user)))));
    }

    void write(Path file) throws IOException {
        write(file, "", "# Weerbaar embedded stack: credentials of this run (new at every start)\n");
    }

    /** The plain secrets under {@code title}, then {@code more} lines, in a file only the owner can read. */
    void write(Path file, String more, String title) throws IOException {
        StringBuilder text = new StringBuilder(title);
        text.append("browser user: crisisteam  password: ").append(crisisPassword).append('\n');
        for (Token token : tokens) {
            text.append("token ").append(token.name()).append(" (").append(token.role()).append(") ")
                    .append(token.scope().isEmpty() ? "" : token.scope() + " ").append(token.secret()).append('\n');
        }
        writePrivate(file, text.append(more).toString());
    }

    /** Writes {@code text} to a new {@code file} that only its owner can read. */
    static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
    }

    static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
