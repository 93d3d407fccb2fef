package nl.weerbaar.kit.security;

import java.util.Set;

/**
 * Who is calling, with the scope of their role: the providers a provider user posts for, the NSPs an NSP operator
 * works at, the volunteer a volunteer user is, and the exercises all of that holds in (empty: every exercise).
 */
public record WeerbaarUser(String name, Set<Role> roles, Set<String> providerIds, Set<String> nspIds,
                           String volunteerId, Set<String> exerciseIds) {

    public WeerbaarUser {
        roles = Set.copyOf(roles);
        providerIds = Set.copyOf(providerIds);
        nspIds = Set.copyOf(nspIds);
        exerciseIds = Set.copyOf(exerciseIds);
    }

    /** Whether this caller may act or read in {@code exerciseId}. */
    public boolean mayEnter(String exerciseId) {
        return exerciseIds.isEmpty() || exerciseIds.contains(exerciseId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
