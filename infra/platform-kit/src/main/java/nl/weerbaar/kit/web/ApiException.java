package nl.weerbaar.kit.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error meant for the caller. {@code code} names a message in the {@code weerbaar-problems} or the service's
 * {@code messages} bundle (Dutch by default, English on {@code Accept-Language: en}); {@code args} fill it in.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private transient List<Map<String, Object>> errors = List.of();
    private final transient Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiException(HttpStatus status, String code, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
    }

    public static ApiException badRequest(String code, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, args);
    }

    public static ApiException notFound(String code, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, code, args);
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, code, args);
    }

    public static ApiException unprocessable(String code, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, code, args);
    }

    public static ApiException forbidden(String code, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, code, args);
    }

    /** Details per field (e.g. {@code field}, {@code line}, {@code message}), returned as the problem's {@code errors}. */
    public ApiException withErrors(List<Map<String, Object>> details) {
        this.errors = List.copyOf(details);
        return this;
    }

    /** A further member of the problem, e.g. the nearest NSP with room when this one is full. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
