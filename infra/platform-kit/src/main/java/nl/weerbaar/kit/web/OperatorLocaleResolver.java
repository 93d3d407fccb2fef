package nl.weerbaar.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Dutch unless the caller asks for English: the operators' messages exist in those two languages only. Spring's own
 * resolver hands on any language asked for ({@code fr} gave French validation texts inside English problem details)
 * and reads {@code *} as the server's default locale; here the first of the caller's languages that is Dutch or
 * English wins, and anything else, {@code *} included, is Dutch.
 */
final class OperatorLocaleResolver extends AcceptHeaderLocaleResolver {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    private static final List<Locale> SPOKEN = List.of(DUTCH, Locale.ENGLISH);

    OperatorLocaleResolver() {
        setSupportedLocales(SPOKEN);
        setDefaultLocale(DUTCH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return DUTCH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return DUTCH;
        }
        for (Locale.LanguageRange range : ranges) { // highest weight first
            if (range.getWeight() == 0) {
                continue;
            }
            String language = range.getRange().split("-")[0];
            for (Locale spoken : SPOKEN) {
                if (spoken.getLanguage().equals(language)) {
                    return spoken;
                }
            }
        }
        return DUTCH;
    }
}
