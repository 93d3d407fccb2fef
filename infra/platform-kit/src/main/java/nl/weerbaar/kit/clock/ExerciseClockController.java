package nl.weerbaar.kit.clock;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What this service knows of the exercise clocks: where it is in scenario time. */
@RestController
public class ExerciseClockController {

    private final ExerciseClocks clocks;

    public ExerciseClockController(ExerciseClocks clocks) {
        this.clocks = clocks;
    }

    @GetMapping("/api/exercise-clocks")
    public List<ExerciseClock> all() {
        return clocks.all();
    }

    @GetMapping("/api/exercise-clocks/{exerciseId}")
    public ExerciseClock one(@PathVariable String exerciseId) {
        return clocks.require(exerciseId);
    }
}
