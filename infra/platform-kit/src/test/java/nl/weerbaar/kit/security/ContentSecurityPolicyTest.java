package nl.weerbaar.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void onlyTheImageSourcesServicesDeclareAreAdded() {
        assertThat(SecurityKitConfiguration.contentSecurityPolicy(List.of()))
                .contains("img-src 'self' data:;").contains("script-src 'self';").contains("connect-src 'self';");
        String withMap = SecurityKitConfiguration.contentSecurityPolicy(List.of(
                () -> List.of("https://service.pdok.nl"), () -> List.of("https://service.pdok.nl", "https://a.test")));
        assertThat(withMap).contains("img-src 'self' data: https://a.test https://service.pdok.nl;")
                .contains("script-src 'self';").contains("connect-src 'self';").contains("default-src 'self';");
    }
}
