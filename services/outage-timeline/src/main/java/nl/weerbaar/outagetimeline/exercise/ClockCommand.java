package nl.weerbaar.outagetimeline.exercise;

import java.util.Arrays;
import nl.weerbaar.contracts.exercise.ClockCommandSubmitted;
import nl.weerbaar.kit.events.EventPublisher.Published;

/** The trainer's commands to an exercise's clock and inject plan, as they travel when forwarded (wire name). */
enum ClockCommand {
    START("start"), PAUSE("pause"), RESUME("resume"), STOP("stop"), SPEED("speed"), JUMP("jump"),
    ADD_INJECT("add-inject"), HOLD("hold"), RELEASE("release"), CANCEL("cancel"), FIRE("fire"),
    SEND_MESSAGE("send-message");

    private final String wire;

    ClockCommand(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }

    static ClockCommand of(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown clock command " + wire));
    }

    /** A command of this kind on {@code exerciseId}, its other fields to be set with the record's {@code with...}. */
    ClockCommandSubmitted on(String exerciseId, String by) {
        return new ClockCommandSubmitted(exerciseId, wire, null, null, null, null, null, null, by);
    }

    /** Applies the command to the engine: only on the instance that drives the exercise's clock. */
    static Published apply(ExerciseEngine engine, ClockCommandSubmitted c) {
        String id = c.exerciseId();
        return switch (of(c.command())) {
            case START -> engine.start(id, "start");
            case PAUSE -> engine.pause(id);
            case RESUME -> engine.resume(id);
            case STOP -> engine.stop(id);
            case SPEED -> engine.speed(id, c.speed());
            case JUMP -> engine.jump(id, c.toSeconds(), Boolean.TRUE.equals(c.skipInjects()));
            case ADD_INJECT -> engine.addInject(id, c.inject(), Boolean.TRUE.equals(c.hold()), c.by());
            case HOLD -> engine.hold(id, c.injectId(), c.by());
            case RELEASE -> engine.release(id, c.injectId(), c.by());
            case CANCEL -> engine.cancel(id, c.injectId(), c.by());
            case FIRE -> engine.fire(id, c.injectId());
            case SEND_MESSAGE -> engine.sendMessage(id, c.message(), c.by());
        };
    }
}
