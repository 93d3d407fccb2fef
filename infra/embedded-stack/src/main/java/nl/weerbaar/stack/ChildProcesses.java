package nl.weerbaar.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The processes the stack started; stopping them (gently, then by force) leaves nothing behind. */
final class ChildProcesses {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration KILLED = Duration.ofSeconds(10);

    private final List<Process> started = Collections.synchronizedList(new ArrayList<>());
    private final java.util.Map<String, Process> byName = new java.util.concurrent.ConcurrentHashMap<>();

    Process start(String name, List<String> command, java.util.Map<String, String> env, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        // a restarted process (the broker) keeps its predecessor's place in the stop order
        Process previous = byName.put(name, process);
        int at = previous == null ? -1 : started.indexOf(previous);
        if (at >= 0) {
            started.set(at, process);
        } else {
            started.add(process);
        }
        return process;
    }

    /** SIGKILL, and wait until it is gone. */
    void kill(String name) {
        Process process = byName.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        process.destroyForcibly();
        exited(process.toHandle(), KILLED);
    }

    /** Stops in reverse start order: services before the broker they write to. */
    void stopAll() {
        List<Process> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        reversed.forEach(Process::destroy);
        for (Process process : reversed) {
            stop(process.toHandle());
        }
        started.clear();
        byName.clear();
    }

    static void stop(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!exited(process, GRACE)) {
            process.destroyForcibly();
            exited(process, KILLED);
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
                exited(descendant, KILLED);
            }
        }
    }

    /** Waits for a process to be gone: a kill is only asked for, the process ends a moment later. */
    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notInTime) {
            return false;
        }
    }
}
