package nl.weerbaar.kit.security;

import java.util.Arrays;
import nl.weerbaar.kit.web.ProblemResponses;
import nl.weerbaar.kit.web.WebKitConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every write is authenticated; reads of {@code /api/**} need one of Weerbaar's roles; health, metrics, the API
 * description and static pages are open. Fine-grained checks (role per action, own provider/NSP/volunteer) are
 * in {@link Access}. Stateless: no sessions, so no CSRF tokens; browsers use HTTP Basic.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class},
        after = WebKitConfiguration.class)
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityKitConfiguration {

    static final String[] OPEN = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/", "/index.html", "/favicon.ico",
        "/assets/**", "/webjars/**", "/error"};

    @Bean
    public Access access() {
        return new Access();
    }

    @Bean
    public ProblemSecurityHandlers problemSecurityHandlers(ProblemResponses problems) {
        return new ProblemSecurityHandlers(problems);
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    public ConfiguredUsers configuredUsers(SecurityProperties properties) {
        return new ConfiguredUsers(properties.getUsers());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain weerbaarSecurity(HttpSecurity http, SecurityProperties properties,
                                                ProblemSecurityHandlers handlers) throws Exception {
        String[] anyRole = Arrays.stream(Role.values()).map(Role::wire).toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(anyRole)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        if (properties.getMode() == SecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(handlers).accessDeniedHandler(handlers)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtRoles())));
        } else {
            http.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(handlers).accessDeniedHandler(handlers)
                    .opaqueToken(token -> token.introspector(new ConfiguredTokens(properties.getTokens()))));
        }
        return http.build();
    }

    /** JWTs carry Weerbaar's roles in the {@code roles} claim. */
    private static JwtAuthenticationConverter jwtRoles() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Claims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
