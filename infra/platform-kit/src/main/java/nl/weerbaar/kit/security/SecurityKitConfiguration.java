package nl.weerbaar.kit.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.weerbaar.kit.web.ProblemResponses;
import nl.weerbaar.kit.web.WebKitConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Every write is authenticated; reads of {@code /api/**} need one of Weerbaar's roles; health (its status only), the
 * API description and static pages are open; metrics and health details need the monitor role. Fine-grained checks
 * (role per action, own provider/NSP/volunteer) are in {@link Access}. Stateless: no sessions, so no CSRF tokens;
 * browsers use HTTP Basic, and a browser's write from another site is refused ({@link CrossSiteWriteFilter}).
 * Failed sign-ins are throttled per address ({@link SignInThrottle}); pages get a Content-Security-Policy.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class},
        after = WebKitConfiguration.class)
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityKitConfiguration {

    static final String[] OPEN = {"/actuator/health/**", "/actuator/info",
        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/", "/index.html", "/favicon.ico",
        "/assets/**", "/webjars/**", "/error"};

    /** Only this origin's own scripts, styles, data and images; no frames, no plug-ins, no foreign form targets. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:%s; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The policy with the image origins that services declared ({@link ImageSources}), e.g. a map's tile server. */
    static String contentSecurityPolicy(List<ImageSources> sources) {
        String extra = sources.stream().flatMap(s -> s.origins().stream()).distinct().sorted()
                .map(origin -> " " + origin).collect(Collectors.joining());
        return CONTENT_SECURITY_POLICY.formatted(extra);
    }

    @Bean
    public Access access() {
        return new Access();
    }

    /** The exercise scope of tokens, checked for every exercise path ({@link ExerciseScopeInterceptor}). */
    @Bean
    public WebMvcConfigurer exerciseScope(Access access) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ExerciseScopeInterceptor(access)).addPathPatterns("/api/exercises/**");
            }
        };
    }

    @Bean
    public ProblemSecurityHandlers problemSecurityHandlers(ProblemResponses problems, SecurityProperties properties) {
        return new ProblemSecurityHandlers(problems, properties.getMode() != SecurityProperties.Mode.JWT);
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    public ConfiguredUsers configuredUsers(SecurityProperties properties) {
        return new ConfiguredUsers(properties.getUsers());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain weerbaarSecurity(HttpSecurity http, SecurityProperties properties,
                                                ProblemSecurityHandlers handlers, ProblemResponses problems,
                                                Environment environment, ObjectProvider<ImageSources> imageSources)
            throws Exception {
        String[] anyRole = Arrays.stream(Role.values()).filter(r -> r != Role.MONITOR).map(Role::wire)
                .toArray(String[]::new);
        http.csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteWriteFilter(problems, properties),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SignInThrottle(problems, properties, Clock.systemUTC()), CrossSiteWriteFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(imageSources.orderedStream().toList()))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.MONITOR.wire())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(anyRole)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        if (properties.getMode() == SecurityProperties.Mode.JWT) {
            // the region's identity provider signs in people; no passwords here, so no Basic either
            http.httpBasic(basic -> basic.disable())
                    .oauth2ResourceServer(rs -> rs.authenticationEntryPoint(handlers).accessDeniedHandler(handlers)
                    .jwt(jwt -> jwt.decoder(JwtDecoding.decoder(environment)).jwtAuthenticationConverter(jwtRoles())));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(handlers))
                    .oauth2ResourceServer(rs -> rs.authenticationEntryPoint(handlers).accessDeniedHandler(handlers)
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
