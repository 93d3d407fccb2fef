package nl.weerbaar.outagetimeline.exercise;

/** How a stretch of scenario time is played. */
enum PlayMode {
    /** The clock runs: everything fires on time, with ticks. */
    PLAY("schedule", true, true),
    /** A jump forward: skipped injects fire in order, the population keeps living, no ticks. */
    JUMP("jump", false, true),
    /** A jump forward that marks the skipped injects as skipped instead. */
    JUMP_SKIPPING("jump", false, true),
    /** Before a start in the middle: the earlier injects establish the situation; no demand for hours not played. */
    CATCH_UP("catch-up", false, false);

    final String trigger;
    final boolean ticks;
    final boolean demand;

    PlayMode(String trigger, boolean ticks, boolean demand) {
        this.trigger = trigger;
        this.ticks = ticks;
        this.demand = demand;
    }
}
