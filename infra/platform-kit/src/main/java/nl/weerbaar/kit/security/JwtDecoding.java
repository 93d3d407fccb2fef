package nl.weerbaar.kit.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * JWT mode's decoder: the keys from where Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} says
 * (a JWK set, a public key, or the issuer's metadata), and always the issuer and the audience checked besides the
 * signature and the expiry. Boot's own decoder checks neither the issuer nor the audience when the key is a
 * public key, and the audience never unless it is set: a token that the region's identity provider issued for
 * another application would be accepted here. So JWT mode refuses to start without both.
 */
final class JwtDecoding {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt";

    private JwtDecoding() {
    }

    static JwtDecoder decoder(Environment environment) {
        return decoder(Binder.get(environment).bind(PREFIX, OAuth2ResourceServerProperties.Jwt.class)
                .orElseGet(OAuth2ResourceServerProperties.Jwt::new));
    }

    static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt) {
        String issuer = jwt.getIssuerUri();
        List<String> audiences = jwt.getAudiences();
        if (issuer == null || issuer.isBlank() || audiences == null || audiences.isEmpty()) {
            throw new IllegalStateException("weerbaar.security.mode=jwt needs " + PREFIX + ".issuer-uri and " + PREFIX
                    + ".audiences: without them a token issued for another application would be accepted");
        }
        NimbusJwtDecoder decoder;
        if (jwt.getJwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        } else if (jwt.getPublicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt)).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
        return decoder;
    }

    private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) {
        try {
            String pem = jwt.readPublicKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jwt.getPublicKeyLocation(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("no RSA public key in " + jwt.getPublicKeyLocation(), e);
        }
    }
}
