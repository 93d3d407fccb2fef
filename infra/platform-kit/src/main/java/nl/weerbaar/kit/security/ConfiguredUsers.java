package nl.weerbaar.kit.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Users for the browser (HTTP Basic), with BCrypt password hashes from configuration. */
public class ConfiguredUsers implements UserDetailsService {

    private final Map<String, SecurityProperties.Principal> byName;

    public ConfiguredUsers(List<SecurityProperties.Principal> users) {
        this.byName = users.stream().collect(Collectors.toUnmodifiableMap(SecurityProperties.Principal::getName, u -> u));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SecurityProperties.Principal p = byName.get(username);
        if (p == null) {
            throw new UsernameNotFoundException(username);
        }
        return new ScopedUser(p);
    }

    /** A configured user; its claims carry the scope, as a token's and a JWT's do. */
    public record ScopedUser(SecurityProperties.Principal principal) implements UserDetails {

        public Map<String, Object> claims() {
            return Claims.of(principal);
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return principal.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        }

        @Override
        public String getPassword() {
            return "{bcrypt}" + principal.getSecretHash();
        }

        @Override
        public String getUsername() {
            return principal.getName();
        }
    }
}
