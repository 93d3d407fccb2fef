package nl.weerbaar.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.weerbaar.kit.security.ConfiguredTokens;
import nl.weerbaar.kit.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

class ConfiguredTokensTest {

    @Test
    void findsATokenByItsHashAndCarriesItsScope() {
        SecurityProperties.Principal p = new SecurityProperties.Principal();
        p.setName("enexis");
        p.setSecretHash(ConfiguredTokens.hash("s3cret"));
        p.setRoles(List.of("provider"));
        p.setProviders(List.of("enexis"));
        ConfiguredTokens tokens = new ConfiguredTokens(List.of(p));

        var principal = tokens.introspect("s3cret");
        assertThat(principal.getName()).isEqualTo("enexis");
        assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_provider");
        assertThat(principal.<List<String>>getAttribute("provider_ids")).containsExactly("enexis");
        assertThatThrownBy(() -> tokens.introspect("s3cret ")).isInstanceOf(BadOpaqueTokenException.class);
    }

    @Test
    void theHashIsSha256Hex() {
        assertThat(ConfiguredTokens.hash("trainer-token"))
                .isEqualTo("7913868486a8f53bb47d4c0557d26493dc77536998063d945da4705649deabfc");
    }
}
