package nl.weerbaar.outagetimeline.scenario;

import java.util.List;

/** A scenario file that cannot be played, with every problem found. */
public class InvalidScenarioException extends RuntimeException {

    private final transient List<ScenarioProblem> problems;

    public InvalidScenarioException(List<ScenarioProblem> problems) {
        super(problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
