package nl.weerbaar.kit.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.weerbaar.kit.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops checking the credentials of a client address that failed too often: a BCrypt check costs some 50 ms of a
 * core, so a flood of wrong passwords on a two-core machine would starve everyone else. After
 * {@code failedSignInsPerMinute} failures within a minute, a request with credentials from that address is answered
 * 429 (with Retry-After) without looking at them, until the minute is over. Requests without credentials pass: they
 * cost nothing.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private static final long WINDOW_MILLIS = 60_000;
    /** Addresses remembered at most; the oldest window goes first. */
    private static final int ADDRESSES = 10_000;

    private final ProblemResponses problems;
    private final int allowedFailures;
    private final Clock clock;
    private final Map<String, Window> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > ADDRESSES;
        }
    };

    SignInThrottle(ProblemResponses problems, SecurityProperties properties, Clock clock) {
        this.problems = problems;
        this.allowedFailures = properties.getFailedSignInsPerMinute();
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        long now = clock.millis();
        long retryAfter = blockedFor(address, now);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf((retryAfter + 999) / 1000));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failed(address, now);
        }
    }

    /** Milliseconds until {@code address} may try again; 0 when it may now. */
    private synchronized long blockedFor(String address, long now) {
        Window window = failures.get(address);
        if (window == null || now - window.start >= WINDOW_MILLIS) {
            return 0;
        }
        return window.count >= allowedFailures ? window.start + WINDOW_MILLIS - now : 0;
    }

    private synchronized void failed(String address, long now) {
        Window window = failures.get(address);
        if (window == null || now - window.start >= WINDOW_MILLIS) {
            failures.put(address, new Window(now, 1));
        } else {
            window.count++;
        }
    }

    private static final class Window {
        final long start;
        int count;

        Window(long start, int count) {
            this.start = start;
            this.count = count;
        }
    }
}
