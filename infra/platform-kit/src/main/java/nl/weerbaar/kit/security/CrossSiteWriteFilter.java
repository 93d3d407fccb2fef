package nl.weerbaar.kit.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import nl.weerbaar.kit.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write that a browser sends on behalf of another web site. A browser that once answered the Basic
 * challenge sends those credentials with every request to this host, also with a form that another site posts
 * here; stateless Basic has no CSRF token, so the browser's own word on where a request comes from decides
 * (OWASP's "verifying origin with standard headers"): {@code Sec-Fetch-Site} where the browser sends it, else
 * {@code Origin}. Clients that are not browsers send neither and pass; so do reads.
 */
final class CrossSiteWriteFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final ProblemResponses problems;
    private final Set<String> allowedOrigins;

    CrossSiteWriteFilter(ProblemResponses problems, SecurityProperties properties) {
        this.problems = problems;
        this.allowedOrigins = Set.copyOf(properties.getAllowedOrigins());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || fromOwnPage(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader("Origin");
        problems.write(request, response, HttpStatus.FORBIDDEN, "cross-site-write",
                origin == null ? request.getHeader("Sec-Fetch-Site") : origin);
    }

    private boolean fromOwnPage(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && allowedOrigins.contains(origin)) {
            return true;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return OWN_SITE.contains(site);
        }
        return origin == null || origin.equals(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(request.getScheme()) && port == 80
                || "https".equals(request.getScheme()) && port == 443;
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
