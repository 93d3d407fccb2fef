package nl.weerbaar.kit.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code weerbaar.security}: in the embedded default, API tokens (stored as SHA-256 hashes) and users for the
 * browser (BCrypt password hashes); in production {@code mode: jwt} with Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 */
@ConfigurationProperties("weerbaar.security")
public class SecurityProperties {

    public enum Mode { TOKENS, JWT }

    /** TOKENS: the configured API tokens and browser users below; JWT: tokens from the identity provider only. */
    private Mode mode = Mode.TOKENS;
    /** API tokens (Bearer), stored as the SHA-256 hash of each token. */
    private List<Principal> tokens = new ArrayList<>();
    /** Browser users (Basic), stored as BCrypt password hashes. */
    private List<Principal> users = new ArrayList<>();
    /**
     * Other web origins (scheme://host[:port]) whose pages may send writes here; by default none: a browser's write
     * must come from this service's own page (see {@link CrossSiteWriteFilter}).
     */
    private List<String> allowedOrigins = new ArrayList<>();
    /** Failed sign-ins per client address per minute before its credentials are no longer even checked. */
    private int failedSignInsPerMinute = 10;

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public int getFailedSignInsPerMinute() {
        return failedSignInsPerMinute;
    }

    public void setFailedSignInsPerMinute(int failedSignInsPerMinute) {
        this.failedSignInsPerMinute = failedSignInsPerMinute;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public List<Principal> getTokens() {
        return tokens;
    }

    public void setTokens(List<Principal> tokens) {
        this.tokens = tokens;
    }

    public List<Principal> getUsers() {
        return users;
    }

    public void setUsers(List<Principal> users) {
        this.users = users;
    }

    /** A token or user: its name, the hash of its secret, roles and scope. */
    public static class Principal {
        private String name;
        /** For tokens: hex SHA-256 of the token. For users: a BCrypt hash ({@code $2a$...}). */
        private String secretHash;
        private List<String> roles = new ArrayList<>();
        private List<String> providers = new ArrayList<>();
        private List<String> nsps = new ArrayList<>();
        private String volunteer;
        /** The exercises this principal holds in; empty: every exercise. */
        private List<String> exercises = new ArrayList<>();

        public List<String> getExercises() {
            return exercises;
        }

        public void setExercises(List<String> exercises) {
            this.exercises = exercises;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getSecretHash() {
            return secretHash;
        }

        public void setSecretHash(String secretHash) {
            this.secretHash = secretHash;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public List<String> getProviders() {
            return providers;
        }

        public void setProviders(List<String> providers) {
            this.providers = providers;
        }

        public List<String> getNsps() {
            return nsps;
        }

        public void setNsps(List<String> nsps) {
            this.nsps = nsps;
        }

        public String getVolunteer() {
            return volunteer;
        }

        public void setVolunteer(String volunteer) {
            this.volunteer = volunteer;
        }
    }
}
