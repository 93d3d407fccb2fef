package nl.weerbaar.kit.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claim names that carry a user's roles and scope, in tokens' attributes and in JWTs alike, and the mapping
 * between them and a {@link WeerbaarUser}.
 */
public final class Claims {

    public static final String ROLES = "roles";
    public static final String PROVIDERS = "provider_ids";
    public static final String NSPS = "nsp_ids";
    public static final String VOLUNTEER = "volunteer_id";
    /** The exercises a token holds in; absent or empty: every exercise. */
    public static final String EXERCISES = "exercise_ids";

    private Claims() {
    }

    static Map<String, Object> of(SecurityProperties.Principal p) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", p.getName());
        claims.put(ROLES, List.copyOf(p.getRoles()));
        claims.put(PROVIDERS, List.copyOf(p.getProviders()));
        claims.put(NSPS, List.copyOf(p.getNsps()));
        claims.put(EXERCISES, List.copyOf(p.getExercises()));
        if (p.getVolunteer() != null) {
            claims.put(VOLUNTEER, p.getVolunteer());
        }
        return claims;
    }

    static WeerbaarUser toUser(String name, Map<String, Object> claims) {
        Set<Role> roles = strings(claims.get(ROLES)).stream().map(Role::fromWire)
                .flatMap(java.util.Optional::stream).collect(Collectors.toSet());
        Object volunteer = claims.get(VOLUNTEER);
        return new WeerbaarUser(name, roles, strings(claims.get(PROVIDERS)), strings(claims.get(NSPS)),
                volunteer == null ? null : volunteer.toString(), strings(claims.get(EXERCISES)));
    }

    static Set<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Object::toString).collect(Collectors.toSet());
        }
        if (claim instanceof String value && !value.isBlank()) {
            return Set.of(value.split("[ ,]+"));
        }
        return Set.of();
    }
}
