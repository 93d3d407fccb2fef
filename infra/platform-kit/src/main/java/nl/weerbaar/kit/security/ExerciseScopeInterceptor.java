package nl.weerbaar.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One place for the exercise scope of every {@code /api/exercises/{id}/...} path of every service: a token that
 * holds in other exercises is refused (403) before the handler runs, so a volunteer's token for one exercise is not
 * that volunteer's token in the next.
 */
final class ExerciseScopeInterceptor implements HandlerInterceptor {

    private final Access access;

    ExerciseScopeInterceptor(Access access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return true;
        }
        String exerciseId = variables.get("exerciseId");
        if (exerciseId == null && request.getRequestURI().startsWith("/api/exercises/")) {
            exerciseId = variables.get("id");
        }
        if (exerciseId != null) {
            access.requireExercise(exerciseId);
        }
        return true;
    }
}
