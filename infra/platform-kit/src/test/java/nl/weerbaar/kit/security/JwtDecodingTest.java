package nl.weerbaar.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** JWT mode's decoding path with really signed tokens: signature, expiry, issuer and audience all count. */
class JwtDecodingTest {

    private static final String ISSUER = "https://id.vrbzo.example/realms/weerbaar";
    private static final String AUDIENCE = "weerbaar";

    private static KeyPair regionKey;
    private static KeyPair otherKey;
    private static JwtDecoder decoder;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        regionKey = rsa();
        otherKey = rsa();
        Path pem = dir.resolve("region.pub");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(regionKey.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties.Jwt();
        jwt.setPublicKeyLocation(new FileSystemResource(pem));
        jwt.setIssuerUri(ISSUER);
        jwt.setAudiences(List.of(AUDIENCE));
        decoder = JwtDecoding.decoder(jwt);
    }

    @Test
    void aTokenOfTheRegionForWeerbaarIsAccepted() throws Exception {
        Jwt jwt = decoder.decode(token(regionKey, ISSUER, AUDIENCE, Instant.now().plusSeconds(300)));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("crisis-team");
    }

    @Test
    void anotherIssuerAnotherAudienceAnExpiredTokenOrAnotherKeyAreRefused() {
        Instant later = Instant.now().plusSeconds(300);
        assertThatThrownBy(() -> decoder.decode(token(regionKey, "https://elsewhere.example", AUDIENCE, later)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(token(regionKey, ISSUER, "zaaksysteem", later)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(token(regionKey, ISSUER, AUDIENCE, Instant.now().minusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(token(otherKey, ISSUER, AUDIENCE, later)))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void jwtModeWithoutAudienceOrIssuerDoesNotStart() {
        OAuth2ResourceServerProperties.Jwt noAudience = new OAuth2ResourceServerProperties.Jwt();
        noAudience.setIssuerUri(ISSUER);
        assertThatThrownBy(() -> JwtDecoding.decoder(noAudience)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audiences");
        OAuth2ResourceServerProperties.Jwt noIssuer = new OAuth2ResourceServerProperties.Jwt();
        noIssuer.setAudiences(List.of(AUDIENCE));
        assertThatThrownBy(() -> JwtDecoding.decoder(noIssuer)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuer-uri");
    }

    private static String token(KeyPair key, String issuer, String audience, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("marieke")
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires))
                .claim("roles", List.of("crisis-team")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
