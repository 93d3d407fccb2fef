package nl.weerbaar.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A real single-node Apache Kafka broker in KRaft mode, in its own JVM, with its log on disk. */
final class KafkaBroker {

    private final StackConfig config;
    private final ChildProcesses processes;

    KafkaBroker(StackConfig config, ChildProcesses processes) {
        this.config = config;
        this.processes = processes;
    }

    void start(String java, String classpath) throws IOException, InterruptedException {
        Path dir = config.workDir().resolve("kafka");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + config.controllerPort(),
                "listeners=PLAINTEXT://localhost:" + config.kafkaPort() + ",CONTROLLER://localhost:" + config.controllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                ""));
        if (!Files.exists(data.resolve("meta.properties"))) {
            Process format = processes.start("kafka-format", List.of(java, "-cp", classpath, "kafka.tools.StorageTool",
                    "format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()), Map.of(),
                    config.logs().resolve("kafka-format.log"));
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka log failed; see " + config.logs().resolve("kafka-format.log"));
            }
        }
        processes.start("kafka", List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath, "kafka.Kafka",
                properties.toString()), Map.of(), config.logs().resolve("kafka.log"));
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = Admin.create(props)) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                Thread.sleep(500); // polling a starting broker; nothing to wait on but time
            }
        }
        throw new IllegalStateException("Kafka did not come up within " + timeout + "; see " + config.logs().resolve("kafka.log"));
    }
}
