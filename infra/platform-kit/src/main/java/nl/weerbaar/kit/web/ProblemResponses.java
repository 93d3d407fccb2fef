package nl.weerbaar.kit.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes a problem straight to the servlet response, in the caller's language: for errors raised outside Spring
 * MVC's exception handling (the security filters, the body limit, the container's own error page).
 */
public class ProblemResponses {

    private final Problems problems;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    public ProblemResponses(Problems problems, ObjectMapper json, LocaleResolver locales) {
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String code,
                      Object... args) throws IOException {
        ProblemDetail problem = inCallersLanguage(request, () -> problems.of(status, code, args));
        String path = request.getRequestURI();
        if (path != null && isUriSafe(path)) {
            problem.setInstance(URI.create(path));
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem for {@code status} and {@code code} in the language the request asks for. */
    public ProblemDetail problem(HttpServletRequest request, HttpStatusCode status, String code, Object... args) {
        return inCallersLanguage(request, () -> problems.of(status, code, args));
    }

    private ProblemDetail inCallersLanguage(HttpServletRequest request, java.util.function.Supplier<ProblemDetail> p) {
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            return p.get();
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    /** A path the container refused may not even be a URI (a raw {@code %}, a space): then it is left out. */
    private static boolean isUriSafe(String path) {
        try {
            URI.create(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
