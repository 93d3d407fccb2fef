package nl.weerbaar.kit.security;

import java.util.Set;

/**
 * Who is calling, with the scope of their role: the providers a provider user posts for, the NSPs an NSP operator
 * works at, the volunteer a volunteer user is.
 */
public record WeerbaarUser(String name, Set<Role> roles, Set<String> providerIds, Set<String> nspIds,
                           String volunteerId) {

    public WeerbaarUser {
        roles = Set.copyOf(roles);
        providerIds = Set.copyOf(providerIds);
        nspIds = Set.copyOf(nspIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
