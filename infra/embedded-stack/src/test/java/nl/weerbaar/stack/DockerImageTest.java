package nl.weerbaar.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The image of a service, built from {@code infra/docker/Dockerfile} as docker-compose.yml builds it, where a Docker
 * engine answers; skipped cleanly elsewhere (the file's rules are checked everywhere by ComposeFileTest).
 */
@EnabledIf("dockerAnswers")
class DockerImageTest {

    private static final Path ROOT = Path.of(System.getProperty("weerbaar.root", "../..")).toAbsolutePath().normalize();
    private static final String IMAGE = "weerbaar/vital-status:image-test";

    @Test
    void buildsAnImageThatRunsAsANonRootUserAndChecksItsOwnHealth() throws Exception {
        Result build = run(List.of("docker", "build", "-f", "infra/docker/Dockerfile", "--build-arg",
                "SERVICE=vital-status", "-t", IMAGE, "."), 30);
        assertThat(build.exit()).as(build.output()).isZero();
        try {
            assertThat(run(List.of("docker", "run", "--rm", "--entrypoint", "id", IMAGE, "-u"), 2).output().trim())
                    .isEqualTo("10001");
            assertThat(run(List.of("docker", "image", "inspect", "--format", "{{json .Config.Healthcheck.Test}}",
                    IMAGE), 1).output()).contains("/actuator/health/readiness");
            assertThat(run(List.of("docker", "run", "--rm", "--entrypoint", "java", IMAGE, "-version"), 2).output())
                    .contains("21.");
        } finally {
            run(List.of("docker", "image", "rm", "-f", IMAGE), 1);
        }
    }

    static boolean dockerAnswers() {
        try {
            return run(List.of("docker", "info"), 1).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int minutes) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + minutes + " min: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
