package nl.weerbaar.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.weerbaar.kit.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, as problem+json in the caller's language like every other error. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;
    /** Whether Basic is offered (not in JWT mode): only then the challenge names it. */
    private final boolean basic;

    public ProblemSecurityHandlers(ProblemResponses problems, boolean basic) {
        this.problems = problems;
        this.basic = basic;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.addHeader("WWW-Authenticate", "Bearer");
        if (basic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Weerbaar\"");
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }
}
