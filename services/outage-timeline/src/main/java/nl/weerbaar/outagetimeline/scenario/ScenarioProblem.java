package nl.weerbaar.outagetimeline.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/** One thing wrong with a scenario file: where (line, field) and what. */
public record ScenarioProblem(int line, String field, String message) {

    Map<String, Object> asError() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("line", line);
        error.put("message", message);
        return error;
    }

    @Override
    public String toString() {
        return "line " + line + ", " + field + ": " + message;
    }
}
