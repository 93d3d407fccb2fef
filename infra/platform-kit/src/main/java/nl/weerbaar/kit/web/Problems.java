package nl.weerbaar.kit.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with a localized title and detail from one message code. */
public class Problems {

    public static final String TYPE_BASE = "https://weerbaar.nl/problems/";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpStatusCode status, String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null,
                messages.getMessage("problem.status." + status.value(), null, null, locale), locale));
        problem.setDetail(messages.getMessage("problem." + code, args, code, locale));
        problem.setProperty("code", code);
        return problem;
    }

    public String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
