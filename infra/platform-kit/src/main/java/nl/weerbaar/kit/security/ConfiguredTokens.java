package nl.weerbaar.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Bearer tokens from configuration. Only SHA-256 hashes are configured: tokens are long random strings, so a fast
 * hash suffices and keeps every request cheap; the comparison is constant-time.
 */
public class ConfiguredTokens implements OpaqueTokenIntrospector {

    private final Map<String, SecurityProperties.Principal> byHash;

    public ConfiguredTokens(List<SecurityProperties.Principal> tokens) {
        this.byHash = tokens.stream().collect(Collectors.toUnmodifiableMap(
                t -> t.getSecretHash().toLowerCase(), t -> t));
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        byte[] hash = sha256(token);
        for (Map.Entry<String, SecurityProperties.Principal> entry : byHash.entrySet()) {
            if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(entry.getKey()))) {
                SecurityProperties.Principal p = entry.getValue();
                return new DefaultOAuth2AuthenticatedPrincipal(p.getName(), Claims.of(p),
                        p.getRoles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
            }
        }
        throw new BadOpaqueTokenException("unknown token");
    }

    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
