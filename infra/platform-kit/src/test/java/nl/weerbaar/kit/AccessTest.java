package nl.weerbaar.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import nl.weerbaar.kit.security.Access;
import nl.weerbaar.kit.security.Role;
import nl.weerbaar.kit.web.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The production path: a JWT from the region's identity provider carries roles and scope as claims. */
class AccessTest {

    private final Access access = new Access();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aJwtNspOperatorActsOnlyAtItsOwnNsps() {
        signIn(Jwt.withTokenValue("t").header("alg", "RS256").subject("operator-7")
                .claim("roles", List.of("nsp-operator")).claim("nsp_ids", List.of("nsp-heesch", "nsp-nistelrode"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build(), "ROLE_nsp-operator");

        assertThat(access.requireNsp("nsp-nistelrode").name()).isEqualTo("operator-7");
        assertThatThrownBy(() -> access.requireNsp("nsp-oss")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThatThrownBy(() -> access.requireProvider("enexis")).isInstanceOf(ApiException.class);
    }

    @Test
    void aJwtVolunteerIsOnlyItselfAndAScopeStringIsSplit() {
        signIn(Jwt.withTokenValue("t").header("alg", "RS256").subject("v")
                .claim("roles", "volunteer coordinator-no").claim("volunteer_id", "v-9")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build(), "ROLE_volunteer");

        assertThat(access.currentUser().roles()).containsExactly(Role.VOLUNTEER);
        assertThat(access.requireVolunteer("v-9").volunteerId()).isEqualTo("v-9");
        assertThatThrownBy(() -> access.requireVolunteer("v-10")).isInstanceOf(ApiException.class);
    }

    private static void signIn(Jwt jwt, String authority) {
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(authority))));
    }
}
