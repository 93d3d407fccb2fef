package nl.weerbaar.outagetimeline.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.weerbaar.contracts.SchemaValidator;
import nl.weerbaar.contracts.Violation;

/**
 * Reads a scenario file: YAML syntax, then {@code contracts/schemas/scenario.schema.json}, then the rules a schema
 * cannot say ({@link ScenarioRules}). Every problem names its line and field.
 */
public class ScenarioParser {

    public static final String SCHEMA = "contracts/schemas/scenario.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The longest line a scenario may have. Scenario data is names, ids and numbers; the YAML reader's time grows with
     * the square of one value's length (a 6 MB value took 27 s), so a longer line is refused before it is read.
     */
    static final int MAX_LINE_CHARS = 10_000;

    private final SchemaValidator validator;

    public ScenarioParser(SchemaValidator validator) {
        this.validator = validator;
    }

    public Scenario parse(String yaml) {
        refuseOverlongLines(yaml);
        LocatedYaml document;
        try {
            document = LocatedYaml.parse(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new InvalidScenarioException(List.of(new ScenarioProblem(line, "$", "no valid YAML: "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidScenarioException(List.of(new ScenarioProblem(1, "$", e.getMessage())));
        }
        if (document.tree().isMissingNode() || !document.tree().isObject()) {
            throw new InvalidScenarioException(List.of(new ScenarioProblem(1, "$", "the file holds no scenario")));
        }
        List<ScenarioProblem> problems = new ArrayList<>();
        for (Violation violation : validator.validate(SCHEMA, document.tree())) {
            problems.add(new ScenarioProblem(document.lineOf(violation.path()), violation.path(), violation.message()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        Scenario scenario;
        try {
            scenario = MAPPER.treeToValue(document.tree(), Scenario.class);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(List.of(new ScenarioProblem(1, "$", e.getOriginalMessage())));
        }
        ScenarioRules.check(scenario, document::lineOf, problems);
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return scenario;
    }

    private static void refuseOverlongLines(String yaml) {
        int line = 1;
        int length = 0;
        for (int i = 0; i < yaml.length(); i++) {
            if (yaml.charAt(i) == '\n') {
                line++;
                length = 0;
            } else if (++length > MAX_LINE_CHARS) {
                throw new InvalidScenarioException(List.of(new ScenarioProblem(line, "$",
                        "line " + line + " is longer than " + MAX_LINE_CHARS + " characters; no scenario value is")));
            }
        }
    }
}
